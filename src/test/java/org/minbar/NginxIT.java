package org.minbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.Nginx;
import org.minbar.support.TestServer;
import org.minbar.text.PathSegments;

/**
 * Minbar behind Debian's nginx running the shipped deploy/nginx/minbar.conf, over real HTTP, with
 * feeds' max-age at 2 s: a second read is a hit with Minbar's validators, a publish shows once the
 * max-age has run out (nginx cannot purge), writes pass, and with Minbar stopped the stored copy
 * is served stale. The last test stops Minbar, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NginxIT {

    private static final int MAX_AGE = 2;
    private static final String FEED = "/category/" + PathSegments.encode("مصر") + "/feed/atom/";

    @TempDir
    static Path folder;

    private static TestServer minbar;
    private static Nginx nginx;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        minbar = TestServer.behindCache(folder.resolve("storage"), "{}", MAX_AGE, List.of());
        nginx = Nginx.start(folder, URI.create(minbar.local()).getPort());
        assertEquals(201, minbar.postJson(Articles.brief("urn:test:nginx:1", "خبر أول", "مصر", "نور الدين",
                "2026-01-01T10:00:00Z")).statusCode());
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (minbar != null) {
            minbar.close();
        }
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("nginx did not answer: " + e.getMessage() + "\n" + nginx.log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nginx.address() + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void aSecondReadIsAHitWithMinbarsValidators() {
        HttpResponse<byte[]> first = get(FEED);
        assertEquals(200, first.statusCode(), nginx.log());
        HttpResponse<byte[]> second = get(FEED);
        assertEquals("HIT", header(second, "X-Cache-Status"));
        assertArrayEquals(first.body(), second.body());
        HttpResponse<byte[]> direct = minbar.get(FEED);
        assertEquals(header(direct, "ETag"), header(second, "ETag"));
        assertEquals(header(direct, "Last-Modified"), header(second, "Last-Modified"));
        assertEquals("Accept-Encoding", header(second, "Vary"));
        assertFalse(second.headers().firstValue("xkey").isPresent(), "the surrogate keys are hidden");
        HttpResponse<byte[]> conditional = get(FEED, "If-None-Match", header(second, "ETag"));
        assertEquals(304, conditional.statusCode());
        assertEquals("HIT", header(conditional, "X-Cache-Status"), "nginx answers the conditional GET itself");
    }

    @Test
    @Order(2)
    void aPublishShowsOnceTheMaxAgeHasRunOut() throws InterruptedException {
        String title = "خبر ثان من القاهرة";
        assertEquals(201, minbar.postJson(Articles.brief("urn:test:nginx:2", title, "مصر", "نور الدين",
                "2026-01-02T10:00:00Z")).statusCode());
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(MAX_AGE + 8).toNanos();
        HttpResponse<byte[]> read = get(FEED);
        while (!text(read).contains(title)) {
            assertTrue(System.nanoTime() < deadline, "not shown within max-age and a few seconds: " + read.headers().map());
            Thread.sleep(100);
            read = get(FEED);
        }
        assertEquals(200, read.statusCode());
        System.out.printf(java.util.Locale.ROOT, "NginxIT: the new article showed through nginx %d ms after the publish (max-age %d s)%n",
                (System.nanoTime() - started) / 1_000_000, MAX_AGE);
    }

    @Test
    @Order(3)
    void writesAndAuthenticatedReadsPassToMinbar() {
        HttpResponse<byte[]> created = send(HttpRequest.newBuilder(URI.create(nginx.address() + "/api/articles"))
                .header("Authorization", "Bearer " + TestServer.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Articles.brief("urn:test:nginx:3", "خبر عبر الوسيط", "مصر",
                        "نور الدين", "2026-01-03T10:00:00Z"))));
        assertEquals(201, created.statusCode(), text(created));
        HttpResponse<byte[]> withToken = get(FEED, "Authorization", "Bearer " + TestServer.TOKEN);
        assertEquals("BYPASS", header(withToken, "X-Cache-Status"));
        assertEquals(401, get("/metrics").statusCode());
    }

    @Test
    @Order(4)
    void withMinbarStoppedTheStoredCopyIsServedStale() throws InterruptedException {
        HttpResponse<byte[]> held = get(FEED);
        while (!header(held, "X-Cache-Status").equals("HIT")) {
            Thread.sleep(100);
            held = get(FEED);
        }
        minbar.close();
        // Every read is the stored copy: fresh for max-age (nginx counts in whole seconds), then stale.
        long deadline = System.nanoTime() + Duration.ofSeconds(MAX_AGE + 5).toNanos();
        HttpResponse<byte[]> stale = get(FEED);
        while (!Set.of("STALE", "UPDATING").contains(header(stale, "X-Cache-Status"))) {
            assertEquals(200, stale.statusCode(), nginx.log());
            assertArrayEquals(held.body(), stale.body());
            assertTrue(System.nanoTime() < deadline, "not served stale past its max-age: " + stale.headers().map());
            Thread.sleep(100);
            stale = get(FEED);
        }
        assertEquals(200, stale.statusCode(), nginx.log());
        assertArrayEquals(held.body(), stale.body());
        assertEquals(header(held, "ETag"), header(stale, "ETag"));
        assertEquals(502, get("/tag/" + PathSegments.encode("لم-يقرأ") + "/feed/").statusCode(),
                "what nginx never held cannot be served");
    }
}
