package org.minbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.TestServer;
import org.minbar.support.Varnish;
import org.minbar.text.PathSegments;

/**
 * Minbar behind Debian's Varnish running the shipped deploy/varnish/minbar.vcl, over real HTTP:
 * Varnish serves a second read and a conditional GET itself, with Minbar's validators; a publish or
 * a deletion purges (through Minbar's purger and vmod xkey) the feeds and pages it affects and
 * no other; writes pass; a PURGE from outside the ACL is refused; and with Minbar stopped, what
 * Varnish holds is still served (grace). The last test stops Minbar, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VarnishIT {

    private static final String EGYPT = "مصر";
    private static final String SYRIA = "سوريا";
    private static final String EGYPT_FEED = "/category/" + PathSegments.encode(EGYPT) + "/feed/";
    private static final String SYRIA_FEED = "/category/" + PathSegments.encode(SYRIA) + "/feed/";
    private static final Duration PURGE_DEADLINE = Duration.ofSeconds(10);

    @TempDir
    static Path folder;

    private static TestServer minbar;
    private static Varnish varnish;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        int varnishPort = Varnish.freePort();
        minbar = TestServer.behindCache(folder.resolve("storage"), "{\"itemsPerFeed\": 2}", 60,
                List.of(URI.create("http://127.0.0.1:" + varnishPort + "/")));
        varnish = Varnish.start(folder, varnishPort, URI.create(minbar.local()).getPort());
        for (int i = 1; i <= 4; i++) {
            String category = i % 2 == 0 ? SYRIA : EGYPT;
            assertEquals(201, minbar.postJson(Articles.brief("urn:test:varnish:" + i, "خبر رقم " + i, category, "نور الدين",
                    "2026-01-0" + i + "T10:00:00Z")).statusCode());
        }
    }

    @AfterAll
    static void stop() {
        if (varnish != null) {
            varnish.close();
        }
        if (minbar != null) {
            minbar.close();
        }
    }

    private static HttpResponse<byte[]> viaVarnish(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(varnish.address() + path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("Varnish did not answer " + path + ": " + e.getMessage() + "\n" + varnish.log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        return viaVarnish("GET", path, headers);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static int age(HttpResponse<?> response) {
        return Integer.parseInt(header(response, "Age"));
    }

    /** Reads {@code path} through Varnish until the answer satisfies {@code wanted}; fails past the deadline. */
    private static HttpResponse<byte[]> pollUntil(String path, Duration longest, Predicate<HttpResponse<byte[]>> wanted,
                                                  String what) throws InterruptedException {
        long deadline = System.nanoTime() + longest.toNanos();
        while (true) {
            HttpResponse<byte[]> response = get(path);
            if (wanted.test(response)) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " through Varnish: not within " + longest.toSeconds() + " s: " + what
                        + "; last answer " + response.statusCode() + " " + response.headers().map());
            }
            Thread.sleep(50);
        }
    }

    /** Reads {@code path} through Varnish until a read is a hit: it is in the cache. */
    private static HttpResponse<byte[]> cached(String path) throws InterruptedException {
        return pollUntil(path, Duration.ofSeconds(5), response -> response.statusCode() == 200
                && header(response, "X-Cache").equals("HIT"), "a cache hit");
    }

    @Test
    @Order(1)
    void everyDocumentNamesTheKeysOfWhatItShowsAndMaySharedCachesKeepIt() throws Exception {
        String egypt = "category:" + PathSegments.encode(EGYPT);
        String search = "/search/" + PathSegments.encode("الكامل") + "/";
        for (String path : List.of("/feed/", "/feed/atom/", "/feed/json/", "/feed/rdf/", "/feed/?paged=2", "/", "/feeds.opml",
                search, search + "feed/atom/", "/comments/feed/")) {
            HttpResponse<byte[]> response = minbar.get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals("site", header(response, "xkey"), path);
        }
        for (String path : List.of(EGYPT_FEED, EGYPT_FEED + "atom/", EGYPT_FEED + "json/", "/category/" + PathSegments.encode(EGYPT) + "/")) {
            assertEquals(egypt, header(minbar.get(path), "xkey"), path);
        }
        assertEquals("author:" + PathSegments.encode("نور-الدين"),
                header(minbar.get("/author/" + PathSegments.encode("نور-الدين") + "/feed/atom/"), "xkey"));
        // Two articles a page: the first two became the site's archive 1, which changes only with them.
        HttpResponse<byte[]> archive = minbar.get("/feed/archive/1/");
        assertEquals(200, archive.statusCode());
        assertEquals("article:1 article:2", header(archive, "xkey"));
        String cacheControl = header(minbar.get("/feed/"), "Cache-Control");
        assertEquals("public, max-age=60, stale-if-error=86400", cacheControl);
        assertEquals("public, max-age=2592000, stale-if-error=86400", header(archive, "Cache-Control"));
        assertFalse(get("/feed/").headers().firstValue("xkey").isPresent(), "Varnish keeps the keys to itself");
    }

    @Test
    @Order(2)
    void aSecondReadIsAHitWithMinbarsValidators() throws Exception {
        HttpResponse<byte[]> first = get(SYRIA_FEED + "atom/");
        assertEquals(200, first.statusCode());
        HttpResponse<byte[]> second = get(SYRIA_FEED + "atom/");
        assertEquals("HIT", header(second, "X-Cache"));
        assertArrayEquals(first.body(), second.body());
        HttpResponse<byte[]> direct = minbar.get(SYRIA_FEED + "atom/", "Accept-Encoding", "gzip");
        // Varnish holds the gzip form, under the ETag Minbar gave it, and unzips it for this client,
        // weakening the tag since the bytes differ (Minbar and Varnish both compare If-None-Match weakly).
        assertEquals("W/" + header(direct, "ETag"), header(second, "ETag"));
        assertEquals(header(direct, "Last-Modified"), header(second, "Last-Modified"));
        assertEquals("public, max-age=60, stale-if-error=86400", header(second, "Cache-Control"));
        assertEquals("Accept-Encoding", header(second, "Vary"));
        assertTrue(text(second).contains("خبر رقم 4"), text(second));
        HttpResponse<byte[]> zipped = get(SYRIA_FEED + "atom/", "Accept-Encoding", "gzip");
        assertEquals("HIT", header(zipped, "X-Cache"));
        assertEquals("gzip", header(zipped, "Content-Encoding"));
        assertEquals(header(direct, "ETag"), header(zipped, "ETag"), "the gzip form keeps Minbar's strong tag");
        String page = SYRIA_FEED.substring(0, SYRIA_FEED.length() - "feed/".length());
        assertEquals(200, get(page).statusCode());
        HttpResponse<byte[]> pageAgain = get(page);
        assertEquals("HIT", header(pageAgain, "X-Cache"), "Varnish keeps a reader page for its s-maxage");
        assertTrue(header(pageAgain, "Cache-Control").startsWith("public, max-age=0, s-maxage="), "while browsers ask again each time");
    }

    @Test
    @Order(3)
    void conditionalGetsAreAnsweredByVarnish() throws Exception {
        HttpResponse<byte[]> held = cached(SYRIA_FEED);
        HttpResponse<byte[]> byTag = get(SYRIA_FEED, "If-None-Match", header(held, "ETag"));
        assertEquals(304, byTag.statusCode());
        assertEquals("HIT", header(byTag, "X-Cache"));
        assertEquals(0, byTag.body().length);
        HttpResponse<byte[]> byDate = get(SYRIA_FEED, "If-Modified-Since", header(held, "Last-Modified"));
        assertEquals(304, byDate.statusCode());
        assertEquals("HIT", header(byDate, "X-Cache"));
        assertEquals(200, get(SYRIA_FEED, "If-None-Match", "\"another-version\"").statusCode());
    }

    @Test
    @Order(4)
    void aPublishPurgesTheSiteAndItsCategoryAndNothingElse() throws Exception {
        List<String> affected = List.of("/feed/", "/feed/atom/", EGYPT_FEED, EGYPT_FEED + "atom/", EGYPT_FEED + "json/",
                "/category/" + PathSegments.encode(EGYPT) + "/");
        for (String path : affected) {
            cached(path);
        }
        HttpResponse<byte[]> other = cached(SYRIA_FEED);
        Thread.sleep(1100); // so that the untouched feed's Age shows it stayed in the cache
        String title = "خبر عاجل من القاهرة";
        long started = System.nanoTime();
        assertEquals(201, minbar.postJson(Articles.brief("urn:test:varnish:published", title, EGYPT, "نور الدين",
                "2026-02-01T10:00:00Z")).statusCode());
        for (String path : affected) {
            HttpResponse<byte[]> fresh = pollUntil(path, PURGE_DEADLINE, response -> text(response).contains(title),
                    "the new article");
            assertEquals(200, fresh.statusCode(), path);
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        HttpResponse<byte[]> untouched = get(SYRIA_FEED);
        assertEquals("HIT", header(untouched, "X-Cache"), "another category's feed is not purged");
        assertTrue(age(untouched) > age(other), "the same copy, older: " + age(other) + " then " + age(untouched));
        assertArrayEquals(other.body(), untouched.body());
        System.out.printf(java.util.Locale.ROOT, "VarnishIT: %d documents showed the new article through Varnish %d ms after the publish%n",
                affected.size(), tookMillis);
        String metrics = text(minbar.get("/metrics", "Authorization", "Bearer " + TestServer.TOKEN));
        assertTrue(metrics.lines().anyMatch(line -> line.matches("minbar_cache_purges_total [1-9][0-9.E]*")), metrics);
        assertTrue(metrics.contains("minbar_cache_purge_failures_total 0.0"), metrics);
    }

    @Test
    @Order(5)
    void aDeletionPurgesTheFeedsThatHeldTheArticle() throws Exception {
        String title = "خبر سيحذف بعد قليل";
        String created = text(minbar.postJson(Articles.brief("urn:test:varnish:deleted", title, EGYPT, "نور الدين",
                "2026-02-02T10:00:00Z")));
        long id = JSON.readTree(created).get("id").asLong();
        pollUntil(EGYPT_FEED, PURGE_DEADLINE, response -> text(response).contains(title), "the article");
        cached(EGYPT_FEED);
        assertEquals(204, minbar.delete("/api/articles/" + id).statusCode());
        pollUntil(EGYPT_FEED, PURGE_DEADLINE, response -> response.statusCode() == 200 && !text(response).contains(title),
                "the article gone");
        pollUntil("/feed/atom/", PURGE_DEADLINE, response -> response.statusCode() == 200 && !text(response).contains(title),
                "the article gone from the site's feed");
    }

    @Test
    @Order(6)
    void writesPassThroughVarnishToMinbar() throws Exception {
        String title = "خبر نشر عبر الوسيط";
        HttpResponse<byte[]> created = CLIENT.send(HttpRequest.newBuilder(URI.create(varnish.address() + "/api/articles"))
                .header("Authorization", "Bearer " + TestServer.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Articles.brief("urn:test:varnish:through", title, SYRIA, "نور الدين",
                        "2026-02-03T10:00:00Z"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(201, created.statusCode(), text(created));
        assertEquals("PASS", header(created, "X-Cache"));
        pollUntil(SYRIA_FEED, PURGE_DEADLINE, response -> text(response).contains(title), "the article posted through Varnish");
        assertEquals("PASS", header(get("/api/articles/1"), "X-Cache"));
        assertEquals(401, get("/metrics").statusCode(), "the token is Minbar's to ask for");
    }

    @Test
    @Order(7)
    void aPurgeFromOutsideTheAclIsRefused() throws Exception {
        HttpResponse<byte[]> held = cached(SYRIA_FEED);
        String request = "PURGE / HTTP/1.1\r\nHost: 127.0.0.1\r\nxkey-purge: site category:"
                + PathSegments.encode(SYRIA) + "\r\nConnection: close\r\n\r\n";
        // 127.0.0.2 is this machine too, but not in the ACL (127.0.0.1 and ::1).
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), varnish.port(), InetAddress.getByName("127.0.0.2"), 0)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
        }
        HttpResponse<byte[]> after = get(SYRIA_FEED);
        assertEquals("HIT", header(after, "X-Cache"), "nothing was purged");
        assertTrue(age(after) >= age(held));
        assertEquals(400, viaVarnish("PURGE", "/").statusCode(), "a PURGE must name its keys");
    }

    @Test
    @Order(8)
    void withMinbarStoppedWhatVarnishHoldsIsStillServed() throws Exception {
        HttpResponse<byte[]> held = cached(SYRIA_FEED + "atom/");
        minbar.close();
        // Make the copy stale, as its max-age running out would: only grace can serve it now.
        HttpResponse<byte[]> purged = viaVarnish("PURGE", "/", "xkey-purge", "category:" + PathSegments.encode(SYRIA));
        assertEquals(200, purged.statusCode(), text(purged));
        HttpResponse<byte[]> stale = pollUntil(SYRIA_FEED + "atom/", Duration.ofSeconds(15),
                response -> response.statusCode() == 200, "the stale copy, once Varnish's probe finds Minbar down");
        assertArrayEquals(held.body(), stale.body());
        assertEquals("HIT", header(stale, "X-Cache"));
        assertEquals(header(held, "ETag"), header(stale, "ETag"));
        assertEquals(304, get(SYRIA_FEED + "atom/", "If-None-Match", header(held, "ETag")).statusCode(),
                "aggregators' conditional GETs are still answered");
        assertEquals(503, get("/tag/" + PathSegments.encode("لم-يقرأ") + "/feed/").statusCode(),
                "what Varnish never held cannot be served");
    }
}
