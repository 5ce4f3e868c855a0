package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.Subscriber;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;

/**
 * Who reads the feeds, as a publisher sees it at /admin/ and a program at /api/stats, on a real
 * server polled over HTTP: aggregators by the counts in their User-Agent, other pollers counted
 * once each by address and User-Agent, WebSub subscriptions with their lease, polls and the share
 * answered 304. Never public: no token, a wrong token and a forged session cookie are each refused.
 */
class SubscriberStatsIT {

    private static final String FEEDLY = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1234 subscribers; feed-id=feed/abc)";
    private static final String INOREADER = "Mozilla/5.0 (compatible; Inoreader/1.0; https://www.inoreader.com; 56 subscribers)";
    private static final String NEWSBLUR = "NewsBlur Feed Fetcher - 7 subscribers - https://www.newsblur.com/site/42/x";
    private static final String PRIVATE_READER = "QuietReader/3.1 (+https://quiet.example/secret-ua)";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path storage;
    TestServer server;
    Subscriber subscriber;

    @BeforeEach
    void start() {
        server = TestServer.withSiteSettings(storage, "{\"websub\": {\"allowPrivateCallbacks\": true}}");
        subscriber = Subscriber.start();
        assertEquals(201, server.postJson(Articles.brief("urn:test:stats", "خبر يقرؤه الناس", "سياسة", "نور الدين",
                "2026-01-01T10:00:00Z")).statusCode());
    }

    @AfterEach
    void stop() {
        subscriber.close();
        server.close();
    }

    @Test
    void aggregatorsPollersWebSubAndPollsAreCountedAndShownOnlyToThePublisher() throws Exception {
        HttpResponse<byte[]> first = poll("/feed/", FEEDLY);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, server.get("/feed/", "User-Agent", FEEDLY, "If-None-Match", etag).statusCode());
        poll("/feed/", INOREADER);
        poll("/feed/", NEWSBLUR);
        poll("/feed/", PRIVATE_READER);
        assertEquals(304, server.get("/feed/", "User-Agent", PRIVATE_READER, "If-None-Match", etag).statusCode());
        poll("/feed/", "AnotherReader/1.0");
        poll("/feed/atom/", PRIVATE_READER);
        subscribeTo(server.base() + "/feed/atom/");

        JsonNode stats = stats();
        JsonNode rss = feed(stats, "/feed/");
        JsonNode today = rss.get("today");
        assertEquals(1234 + 56 + 7, today.get("subscribers").asLong(), "the aggregators' counts, summed");
        assertEquals(2, today.get("pollers").asLong(), "QuietReader and AnotherReader, each once; aggregators are not pollers");
        assertEquals(7, today.get("polls").asLong(), "every 200 and 304 of the feed");
        assertEquals(2, today.get("notModified").asLong());
        assertEquals(0.286, today.get("notModifiedShare").asDouble());
        assertEquals(List.of("Feedly", "Inoreader", "NewsBlur"), names(rss.get("aggregators"), "aggregator"));
        assertEquals("feed/abc", rss.get("aggregators").get(0).get("feedId").asText());
        assertEquals("42", rss.get("aggregators").get(2).get("feedId").asText(), "NewsBlur's site id names its feed");
        assertEquals(30, rss.get("days").size(), "a 30-day history");
        assertEquals(today, rss.get("days").get(29), "the last day is today");

        JsonNode atom = feed(stats, "/feed/atom/");
        assertEquals(1, atom.get("today").get("pollers").asLong());
        assertEquals(1, atom.get("today").get("webSub").asLong(), "the verified WebSub subscription");
        JsonNode lease = atom.get("webSub").get(0);
        assertEquals("127.0.0.1:" + subscriber.port(), lease.get("callbackHost").asText());
        assertFalse(lease.get("leaseExpires").isNull());
        JsonNode total = stats.get("total").get(29);
        assertEquals(1297, total.get("subscribers").asLong(), "the site's total today");
        assertEquals(3, total.get("pollers").asLong(), "QuietReader counts once per feed it reads");
        assertEquals(1, total.get("webSub").asLong());

        for (Path file : files(storage)) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("QuietReader"), file + " holds a poller's User-Agent");
            assertFalse(bytes.contains("secret-ua"), file + " holds a poller's User-Agent");
        }
    }

    @Test
    void thePagesAreBehindALoginAndDrawTheirChartsAsSvg() {
        poll("/feed/", FEEDLY);
        HttpResponse<byte[]> anonymous = server.get("/admin/");
        assertEquals(401, anonymous.statusCode());
        Document login = Jsoup.parse(TestServer.text(anonymous));
        Element form = login.selectFirst("form[method=post][action=/admin/login]");
        assertNotNull(form, "a browser gets the login form");
        assertNotNull(form.selectFirst("input[type=password][name=token]"));
        assertEquals("no-store", anonymous.headers().firstValue("Cache-Control").orElse(""));
        assertFalse(TestServer.text(anonymous).contains("/feed/"), "nothing of the statistics shows before the login");

        HttpResponse<byte[]> wrong = server.postForm("/admin/login", "token", "not-the-token");
        assertEquals(401, wrong.statusCode());
        assertTrue(Jsoup.parse(TestServer.text(wrong)).selectFirst("[role=alert]").text().contains("غير صحيح"));
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<byte[]> right = server.postForm("/admin/login", "token", TestServer.TOKEN);
        assertEquals(303, right.statusCode());
        assertEquals("/admin/", right.headers().firstValue("Location").orElseThrow());
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));

        HttpResponse<byte[]> overview = server.get("/admin/", "Cookie", session);
        assertEquals(200, overview.statusCode());
        assertTrue(overview.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        Document page = Jsoup.parse(TestServer.text(overview));
        assertEquals("ar", page.selectFirst("html").attr("lang"));
        assertEquals("rtl", page.selectFirst("html").attr("dir"));
        assertEquals(4, page.select("svg").size(), "subscribers, pollers, WebSub and polls, each a chart");
        for (Element svg : page.select("svg")) {
            Xml.parse(svg.outerHtml().getBytes(StandardCharsets.UTF_8)); // well-formed SVG
            assertEquals(30, svg.select("g > rect:first-of-type").size(), "a bar a day for 30 days");
            assertFalse(svg.selectFirst("title").text().isBlank(), "each chart is named for screen readers");
        }
        assertTrue(page.select("script, link[rel=stylesheet], img[src^=http]").isEmpty(), "nothing from elsewhere");
        Element row = page.selectFirst("tbody tr");
        assertEquals("/feed/", row.selectFirst("th a").text());
        assertEquals("1234", row.select("td").get(0).text());

        HttpResponse<byte[]> detail = server.get(row.selectFirst("th a").attr("href"), "Cookie", session);
        assertEquals(200, detail.statusCode());
        Document feedPage = Jsoup.parse(TestServer.text(detail));
        assertEquals("Feedly", feedPage.selectFirst("tbody tr td").text());
        assertEquals(404, server.get("/admin/feed/?feed=/no-such-feed/", "Cookie", session).statusCode());

        assertEquals(200, server.get("/api/stats", "Cookie", session).statusCode(), "the page's JSON link works in the session");
        assertEquals(200, server.get("/admin/", "Authorization", "Bearer " + TestServer.TOKEN).statusCode(), "a program may send the token");

        String value = session.substring(session.indexOf('=') + 1);
        long ends = Long.parseLong(value.substring(0, value.indexOf('.')));
        String extended = "minbar_admin=" + (ends + 86_400) + value.substring(value.indexOf('.'));
        assertEquals(401, server.get("/admin/", "Cookie", extended).statusCode(), "a session whose end is moved is refused");
        assertEquals(401, server.get("/admin/", "Cookie", "minbar_admin=9999999999999.x").statusCode());

        HttpResponse<byte[]> out = server.send(server.request("/admin/logout", "Cookie", session)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(303, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
    }

    @Test
    void theJsonIsRefusedWithoutTheTokenInJson() throws Exception {
        HttpResponse<byte[]> refused = server.get("/api/stats");
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(JSON.readTree(refused.body()).has("error"));
        assertEquals(401, server.get("/api/stats", "Authorization", "Bearer " + TestServer.TOKEN + "-wrong").statusCode());
        assertEquals(400, server.get("/admin/feed/", "Authorization", "Bearer " + TestServer.TOKEN).statusCode(),
                "the feed page needs ?feed=");
        HttpResponse<byte[]> notForm = server.send(server.request("/admin/login", "Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"token\":\"x\"}")).build());
        assertEquals(415, notForm.statusCode());
        HttpResponse<byte[]> huge = server.postForm("/admin/login", "token", "x".repeat(10_000));
        assertEquals(413, huge.statusCode(), "the login form is bounded");
    }

    private HttpResponse<byte[]> poll(String path, String userAgent) {
        HttpResponse<byte[]> response = server.get(path, "User-Agent", userAgent);
        assertEquals(200, response.statusCode());
        return response;
    }

    private void subscribeTo(String topic) throws Exception {
        HttpResponse<byte[]> accepted = server.postForm("/websub", "hub.mode", "subscribe", "hub.topic", topic,
                "hub.callback", subscriber.url("/cb"));
        assertEquals(202, accepted.statusCode(), TestServer.text(accepted));
        assertNotNull(subscriber.nextVerification(WAIT));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (feed(stats(), "/feed/atom/").get("webSub").isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the subscription is stored once verified");
            Thread.sleep(50);
        }
    }

    private JsonNode stats() throws Exception {
        HttpResponse<byte[]> response = server.get("/api/stats", "Authorization", "Bearer " + TestServer.TOKEN);
        assertEquals(200, response.statusCode(), TestServer.text(response));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        return JSON.readTree(response.body());
    }

    private static JsonNode feed(JsonNode stats, String path) {
        for (JsonNode feed : stats.get("feeds")) {
            if (feed.get("feed").asText().equals(path)) {
                return feed;
            }
        }
        throw new AssertionError("no statistics for " + path + " in " + stats);
    }

    private static List<String> names(JsonNode rows, String field) {
        return Stream.of(rows).flatMap(node -> java.util.stream.StreamSupport.stream(node.spliterator(), false))
                .map(row -> row.get(field).asText()).sorted().toList();
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
