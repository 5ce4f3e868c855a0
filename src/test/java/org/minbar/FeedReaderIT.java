package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minbar.support.Articles;
import org.minbar.support.FeedParser;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;

/**
 * Our RSS and Atom documents as a real feed reader's parser sees them: Universal Feed Parser
 * ({@link FeedParser}) fetches each feed from a real server, then again with the validators it was
 * given. The document must parse without a "bozo" complaint, in Arabic, with its self and hub links, absolute entry links,
 * dates, authors and content, answer the second fetch with 304, and hold the same entries Rome
 * finds. (This feedparser release has no JSON Feed support, so JSON Feed is checked elsewhere.)
 */
class FeedReaderIT {

    @TempDir
    Path storage;
    TestServer server;

    @BeforeEach
    void start() {
        // Two items a page, so eight articles make archives too; one deleted makes a tombstone.
        server = TestServer.withSiteSettings(storage, "{\"itemsPerFeed\": 2}");
        String[][] articles = {
            {"سوريا", "نور الدين"}, {"لبنان", "نور الدين"}, {"سوريا", "سارة المنصوري"}, {"إيران", "نور الدين"},
            {"سوريا", "نور الدين"}, {"لبنان", "سارة المنصوري"}, {"سوريا", "نور الدين"}, {"سوريا", "نور الدين"},
        };
        for (int i = 0; i < articles.length; i++) {
            int status = server.postJson(Articles.brief("urn:test:reader-" + i, "خبر للقارئ رقم " + i, articles[i][0],
                    articles[i][1], "2026-01-0" + (i + 1) + "T10:00:00+03:00")).statusCode();
            assertEquals(201, status);
        }
        assertEquals(204, server.delete("/api/articles/" + server.postJson(Articles.brief("urn:test:reader-gone",
                "خبر محذوف", "سوريا", "نور الدين", "2026-01-09T10:00:00+03:00")).headers().firstValue("Location")
                .orElseThrow().replaceAll(".*/", "")).statusCode());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/feed/, rss20, true",
        "/feed/atom/, atom10, true",
        "/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/, rss20, true",
        "/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/atom/, atom10, true",
        "/author/%D9%86%D9%88%D8%B1-%D8%A7%D9%84%D8%AF%D9%8A%D9%86/feed/atom/, atom10, true",
        "/feed/atom/archive/1/, atom10, false",
        "/feed/archive/2/, rss20, false",
        "/feed/atom/?paged=2, atom10, false",
    })
    void feedparserReadsTheFeedCleanlyAndAgreesWithRome(String path, String version, boolean current) throws Exception {
        String url = server.base() + path;
        JsonNode read = FeedParser.read(url);

        assertFalse(read.get("bozo").asBoolean(), "feedparser complained: " + read.get("problem"));
        assertEquals(200, read.get("status").asInt());
        assertEquals(304, read.get("again").asInt(), "a second fetch with the ETag and Last-Modified it was given");
        assertEquals("gzip", read.get("contentEncoding").asText(), "feedparser asks for gzip and gets it");
        assertEquals(version, read.get("version").asText());
        assertEquals("utf-8", read.get("encoding").asText());
        assertEquals("ar", read.get("language").asText());
        assertTrue(read.get("title").asText().contains("منبر الأخبار الدفاعية"), read.get("title").asText());
        assertEquals(List.of(url), FeedParser.links(read, "self"), "the self link names the document's own address");
        assertEquals(current, !FeedParser.links(read, "hub").isEmpty(), "current documents name the hub; archives and pages do not");

        JsonNode entries = read.get("entries");
        assertTrue(entries.size() > 0, "entries");
        Set<String> ids = new HashSet<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode entry : entries) {
            assertTrue(ids.add(entry.get("id").asText()), "unique id " + entry.get("id"));
            assertTrue(entry.get("id").asText().startsWith("urn:test:reader-"), entry.get("id").asText());
            assertTrue(entry.get("link").asText().startsWith(server.base() + "/"), "absolute link " + entry.get("link"));
            assertNotNull(entry.get("published").textValue(), "a date feedparser understood");
            assertTrue(List.of("نور الدين", "سارة المنصوري").contains(entry.get("author").asText()), entry.get("author").asText());
            JsonNode content = entry.get("content").get(0);
            assertEquals("text/html", content.get("type").asText());
            assertTrue(content.get("value").asText().contains("نص الخبر الكامل"), content.get("value").asText());
            titles.add(entry.get("title").asText());
        }
        assertFalse(titles.contains("خبر محذوف"), "a deleted article is no entry (Atom carries its tombstone)");
        assertEquals(Xml.rome(server.get(path).body()).getEntries().stream().map(SyndEntry::getTitle).toList(), titles,
                "feedparser and Rome find the same entries in the same order");
    }
}
