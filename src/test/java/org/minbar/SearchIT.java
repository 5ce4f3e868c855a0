package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.AtomSchema;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.minbar.text.PathSegments;

/** Search feeds and the search API find Arabic words across their written forms, and refuse bad queries clearly. */
class SearchIT {

    @TempDir
    static Path storage;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.withSeeds(storage);
        server.postJson(Articles.brief("urn:test:army", "تدريبات عسكرية للجيش في الصحراء", "عسكري", "كاتب", "2024-05-01T10:00:00Z"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> titles(String query) {
        SyndFeed feed = Xml.rome(server.get("/search/" + PathSegments.encode(query) + "/feed/").body());
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    @Test
    void aWordWithoutItsHamzaFindsTheWordWithIt() {
        List<String> found = titles("ادلب");
        assertEquals(4, found.size(), "the four seed stories about Idlib: " + found);
        assertTrue(found.contains("الجيش الروسي: مقتل 40 جنديًا سوريًا وإصابة 80 آخرين بجروح في هجوم شنه مسلحون على إدلب"));
        assertEquals(found, titles("إدلب"));
    }

    @Test
    void arabicIndicDigitsFindWesternDigits() {
        assertTrue(titles("٤٠ جنديا").contains("الجيش الروسي: مقتل 40 جنديًا سوريًا وإصابة 80 آخرين بجروح في هجوم شنه مسلحون على إدلب"));
    }

    @Test
    void theDefiniteArticleAndPrefixesAreLightlyStemmed() {
        assertTrue(titles("الجيش").contains("تدريبات عسكرية للجيش في الصحراء"), "الجيش finds للجيش");
        assertTrue(titles("جيش").contains("تدريبات عسكرية للجيش في الصحراء"));
    }

    @Test
    void categoryTagAndAuthorNamesAreSearchedToo() {
        server.postJson("""
            {"guid": "urn:test:names", "title": "خبر قصير", "content": "<p>نص لا يذكر شيئا آخر.</p>",
             "author": {"name": "ليلى الزعبي"}, "categories": ["موانئ"], "tags": ["البحر الأحمر"]}
            """);
        assertTrue(titles("الزعبي").contains("خبر قصير"), "by the author's name");
        assertTrue(titles("البحر الأحمر").contains("خبر قصير"), "by a tag");
        assertTrue(titles("ميناء").contains("خبر قصير"), "by a category, its plural mapped");
    }

    @Test
    void brokenPluralsFindTheirSingulars() {
        server.postJson(Articles.brief("urn:test:missile", "تجربة صاروخ جديد بعيد المدى", "عسكري", "كاتب", "2024-05-02T10:00:00Z"));
        server.postJson(Articles.brief("urn:test:weapon", "صفقة سلاح بين بلدين", "عسكري", "كاتب", "2024-05-03T10:00:00Z"));
        assertTrue(titles("الصواريخ").contains("تجربة صاروخ جديد بعيد المدى"), "الصواريخ finds صاروخ");
        assertTrue(titles("الأسلحة").contains("صفقة سلاح بين بلدين"), "الأسلحة finds سلاح");
    }

    @Test
    void theSearchFeedsAreValidAndNameThemselves() {
        String path = "/search/" + PathSegments.encode("إدلب") + "/feed/";
        var rss = Xml.parse(server.get(path).body());
        assertEquals(server.base() + path, Xml.child(Xml.child(rss.getDocumentElement(), null, "channel"), Xml.ATOM, "link").getAttribute("href"));
        byte[] atom = server.get(path + "atom/").body();
        AtomSchema.validate(atom);
        assertEquals(titles("إدلب"), Xml.rome(atom).getEntries().stream().map(SyndEntry::getTitle).toList());
        var wordPress = server.get("/?s=" + URLEncoder.encode("إدلب", StandardCharsets.UTF_8) + "&feed=rss2");
        assertEquals(301, wordPress.statusCode(), "WordPress's query address goes to the search feed's own");
        assertEquals(path, wordPress.headers().firstValue("Location").orElseThrow());
        var atomByQuery = server.get("/?s=" + URLEncoder.encode("إدلب", StandardCharsets.UTF_8) + "&feed=atom");
        assertEquals(path + "atom/", atomByQuery.headers().firstValue("Location").orElseThrow());
        assertEquals(304, server.get(path, "If-None-Match", server.get(path).headers().firstValue("ETag").orElseThrow()).statusCode());
    }

    @Test
    void theResultsPageListsTheMatchesAndAdvertisesFeedsThatWork() {
        var page = server.get("/?s=" + URLEncoder.encode("إدلب", StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        String html = TestServer.text(page);
        assertTrue(html.contains("نتائج البحث عن «إدلب»"));
        assertTrue(html.contains("الجيش الروسي: مقتل 40 جنديًا سوريًا"), "a matching title");
        var alternates = org.jsoup.Jsoup.parse(html).select("link[rel=alternate]");
        assertEquals(3, alternates.size(), "RSS, Atom and JSON");
        for (var link : alternates) {
            assertEquals(200, server.get(link.attr("href")).statusCode(), link.attr("href"));
        }
        assertEquals(200, server.get("/search/" + PathSegments.encode("إدلب") + "/").statusCode());
        assertEquals(400, server.get("/?s=").statusCode());
    }

    @Test
    void theApiGivesResultsWithTheMatchedWordsMarked() throws Exception {
        JsonNode body = new ObjectMapper().readTree(server.get("/api/search?q=" + URLEncoder.encode("وقف إطلاق النار", StandardCharsets.UTF_8)).body());
        JsonNode results = body.get("results");
        assertFalse(results.isEmpty());
        JsonNode first = results.get(0);
        assertTrue(first.get("textHighlight").asText().contains("<mark>"), first.toString());
        assertTrue(first.get("link").asText().startsWith(server.base()));
        assertTrue(first.get("score").asDouble() > 0);
    }

    @Test
    void badQueriesAre400WithTheReasonAndLuceneSyntaxIsJustText() throws Exception {
        assertEquals(400, server.get("/api/search?q=").statusCode());
        assertEquals(400, server.get("/api/search").statusCode());
        var tooLong = server.get("/api/search?q=" + "ب".repeat(201));
        assertEquals(400, tooLong.statusCode());
        assertTrue(TestServer.text(tooLong).contains("at most 200 characters"));
        var stopWords = server.get("/api/search?q=" + URLEncoder.encode("في من على", StandardCharsets.UTF_8));
        assertEquals(400, stopWords.statusCode());
        assertTrue(TestServer.text(stopWords).contains("no word to search for"));
        assertEquals(400, server.get("/search/" + PathSegments.encode("*") + "/feed/").statusCode());
        var syntax = server.get("/api/search?q=" + URLEncoder.encode("(إدلب OR \"*", StandardCharsets.UTF_8));
        assertEquals(200, syntax.statusCode(), TestServer.text(syntax));
        assertTrue(new ObjectMapper().readTree(syntax.body()).get("results").isEmpty(), "plain words: 'or' is in no article");
        var field = server.get("/api/search?q=" + URLEncoder.encode("إدلب:", StandardCharsets.UTF_8));
        assertEquals(200, field.statusCode());
        assertFalse(new ObjectMapper().readTree(field.body()).get("results").isEmpty());
    }
}
