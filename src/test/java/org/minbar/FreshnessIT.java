package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.service.FeedCache;
import org.minbar.storage.Database;
import org.minbar.storage.SqliteDatabase;
import org.minbar.support.Articles;
import org.minbar.support.Subscriber;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Freshness as publishers and readers see it, without waiting for the server's background work:
 * an acknowledged write is in every feed it touches once the feed cache's allowance
 * ({@link FeedCache#FRESH_FOR}) after its answer is over, however the index and related stories
 * are getting on, the article says whether that derived
 * data is still pending, and once it is not, feeds and WebSub pushes carry the related stories.
 * (How fast each of these is belongs to bench/publish.sh, which measures it.)
 */
class FreshnessIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SYRIA = "/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7";

    @TempDir
    Path storage;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.withSiteSettings(storage, WebSubIT.SETTINGS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyAcknowledgedWriteIsInItsFeedsOnceTheMicroCachesAllowanceAfterItsAnswerIsOver() throws Exception {
        for (int i = 1; i <= 25; i++) {
            String title = "خبر عاجل رقم " + i + " من إدلب";
            HttpResponse<byte[]> created = postWithoutWaiting(brief(i, title));
            assertEquals(201, created.statusCode(), TestServer.text(created));
            Thread.sleep(FeedCache.FRESH_FOR.toMillis()); // not waiting for derivation: only for a feed rendered just before
            assertEquals(title, firstTitle("/feed/"), "the site feed read after the 201");
            assertEquals(title, firstTitle("/feed/atom/"));
            assertEquals(title, firstTitle(SYRIA + "/feed/"), "the category feed too");
        }
        HttpResponse<byte[]> changed = postWithoutWaiting(brief(25, "عنوان مصحح للخبر الأخير"));
        assertEquals(200, changed.statusCode());
        Thread.sleep(FeedCache.FRESH_FOR.toMillis());
        assertEquals("عنوان مصحح للخبر الأخير", firstTitle("/feed/"), "an update shows at once too");

        String member = server.base() + "/api/articles/" + id(changed);
        HttpResponse<byte[]> deleted = server.send(server.request(member, "Authorization", "Bearer " + TestServer.TOKEN)
                .DELETE().build());
        assertEquals(204, deleted.statusCode());
        Thread.sleep(FeedCache.FRESH_FOR.toMillis());
        assertEquals("خبر عاجل رقم 24 من إدلب", firstTitle("/feed/"), "and so does a deletion");
        assertEquals("خبر عاجل رقم 24 من إدلب", firstTitle(SYRIA + "/feed/"));
    }

    @Test
    void anArticleSaysItsDerivedDataIsPendingUntilItsRelatedStoriesAreInItsFeeds() throws Exception {
        server.postJson(story("urn:test:earlier", "الجيش السوري يقصف ريف إدلب الجنوبي بالمدفعية الثقيلة"));
        HttpResponse<byte[]> created = postWithoutWaiting(story("urn:test:later", "قصف مدفعي جديد على ريف إدلب الجنوبي"));
        assertEquals(201, created.statusCode());
        long id = id(created);

        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean pending = true;
        while (pending && System.nanoTime() < deadline) {
            JsonNode article = new ObjectMapper().readTree(server.get("/api/articles/" + id).body());
            assertTrue(article.get("derived").get("pending").isBoolean(), article.toString());
            pending = article.get("derived").get("pending").asBoolean();
            Thread.sleep(5);
        }
        assertEquals(false, pending, "derived within " + WAIT);

        Document rss = Xml.parse(server.get("/feed/").body());
        Element item = Xml.all(rss, null, "item").get(0);
        assertEquals("قصف مدفعي جديد على ريف إدلب الجنوبي", Xml.text(item, null, "title"));
        List<String> related = Xml.children(item, Xml.ATOM, "link").stream().map(link -> link.getAttribute("title")).toList();
        assertEquals(List.of("الجيش السوري يقصف ريف إدلب الجنوبي بالمدفعية الثقيلة"), related,
                "once derived, the feed shows the related story found by text");
    }

    @Test
    void aSubscriberIsPushedTheNewArticleWithItsRelatedStory() throws Exception {
        try (Subscriber subscriber = Subscriber.start()) {
            server.postJson(story("urn:test:earlier", "الجيش السوري يقصف ريف إدلب الجنوبي بالمدفعية الثقيلة"));
            String topic = server.base() + "/feed/atom/";
            assertEquals(202, server.postForm("/websub", "hub.mode", "subscribe", "hub.topic", topic,
                    "hub.callback", subscriber.url("/cb")).statusCode());
            assertNotNull(subscriber.nextVerification(WAIT));
            awaitSubscription(topic);

            assertEquals(201, postWithoutWaiting(story("urn:test:later", "قصف مدفعي جديد على ريف إدلب الجنوبي")).statusCode());
            Subscriber.Received push = subscriber.nextPost(WAIT);
            assertNotNull(push, "the new article is pushed");
            SyndEntry entry = Xml.rome(push.body()).getEntries().get(0);
            assertEquals("قصف مدفعي جديد على ريف إدلب الجنوبي", entry.getTitle());
            Document atom = Xml.parse(push.body());
            Element first = Xml.all(atom, Xml.ATOM, "entry").get(0);
            List<String> related = Xml.children(first, Xml.ATOM, "link").stream()
                    .filter(link -> "related".equals(link.getAttribute("rel"))).map(link -> link.getAttribute("title")).toList();
            assertEquals(List.of("الجيش السوري يقصف ريف إدلب الجنوبي بالمدفعية الثقيلة"), related,
                    "pushed once its related stories are stored, not before");
        }
    }

    private HttpResponse<byte[]> postWithoutWaiting(String json) {
        return server.send(server.request("/api/articles", "Authorization", "Bearer " + TestServer.TOKEN,
                        "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private String firstTitle(String path) {
        List<SyndEntry> entries = Xml.rome(server.get(path).body()).getEntries();
        return entries.isEmpty() ? "" : entries.get(0).getTitle();
    }

    private static long id(HttpResponse<byte[]> response) {
        try {
            return new ObjectMapper().readTree(response.body()).get("id").asLong();
        } catch (java.io.IOException e) {
            throw new AssertionError(TestServer.text(response), e);
        }
    }

    /** The subscription is stored right after the callback answers the verification. */
    private void awaitSubscription(String topic) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String sql = "SELECT count(*) FROM websub_subscriptions WHERE topic = ?";
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + storage.resolve(SqliteDatabase.FILE_NAME));
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, topic);
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next() && rows.getLong(1) == 1) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no subscription to " + topic + " stored within " + WAIT);
    }

    /** The n-th of a run of short articles on Syria, each published a minute after the one before. */
    private static String brief(int n, String title) {
        return Articles.brief("urn:test:fresh:" + n, title, "سوريا", "نور الدين", String.format(Locale.ROOT, "2026-02-01T10:%02d:00Z", n));
    }

    private static String story(String guid, String title) {
        return """
            {"guid": "%s", "title": "%s", "content": "<p>%s. وقال مراسلنا إن القصف المدفعي استهدف قرى ريف إدلب الجنوبي.</p>",
             "author": {"name": "نور الدين"}, "categories": ["سوريا"], "published": "2026-02-01T10:00:00Z"}
            """.formatted(guid, title, title);
    }
}
