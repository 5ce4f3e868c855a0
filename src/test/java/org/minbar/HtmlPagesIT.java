package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.AtomSchema;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.minbar.text.PathSegments;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Publishers POST the article pages they already publish; the feeds show what was extracted. */
class HtmlPagesIT {

    private static final String SEED_TITLE = "الجيش الروسي: مقتل 40 جنديًا سوريًا وإصابة 80 آخرين بجروح في هجوم شنه مسلحون على إدلب";
    private static final String SEED_URL = "https://www.defense-arab.example/2020/01/30/russian-military-40-syrian-soldiers-killed-idlib/";

    @TempDir
    Path storage;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(storage);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] page(String name) throws IOException {
        try (InputStream in = HtmlPagesIT.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    private HttpResponse<byte[]> postHtml(String path, byte[] html) {
        return server.write("POST", path, "text/html; charset=utf-8", html);
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void theSeedArticlesPageBecomesAnArticleWithItsAuthorBioAndRelatedHeadlines() throws Exception {
        HttpResponse<byte[]> created = postHtml("/api/articles", page("seed-article.html"));
        assertEquals(201, created.statusCode(), TestServer.text(created));
        JsonNode article = json(created);
        assertEquals(SEED_TITLE, article.get("title").asText());
        assertEquals(SEED_URL, article.get("url").asText());
        assertEquals("نور الدين", article.get("authors").get(0).get("name").asText());
        assertTrue(article.get("authors").get(0).get("bio").asText().startsWith("نور الدين من مواليد عام 1984"));
        List<String> related = article.get("related").findValues("title").stream().map(JsonNode::asText).toList();
        assertTrue(related.containsAll(List.of("وزارة الدفاع الروسية تنفي مزاعم الغارات الجوية على البنية التحتية المدنية في إدلب",
                "مصر توقع مذكرات تفاهم مع شركات رومانية في مجال الدفاع والتسلح", "باتريوت ضد صواريخ إيران")), related.toString());

        Document rss = Xml.parse(server.get("/feed/").body());
        Element item = Xml.all(rss, null, "item").get(0);
        assertEquals(SEED_TITLE, Xml.text(item, null, "title"));
        assertEquals(SEED_URL, Xml.text(item, null, "link"));
        assertEquals("نور الدين", Xml.text(item, Xml.DC, "creator"));
        String content = Xml.text(item, Xml.CONTENT, "encoded");
        assertTrue(content.contains("إدلب هي آخر معقل للمعارضة في الجمهورية العربية."));
        for (String boilerplate : List.of("اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني", "Written by", "إقرأ المزيد")) {
            assertFalse(content.contains(boilerplate), boilerplate);
        }
        assertTrue(Xml.children(item, Xml.ATOM, "link").stream().anyMatch(l -> l.getAttribute("title").equals("باتريوت ضد صواريخ إيران")));
        AtomSchema.validate(server.get("/feed/atom/").body());
        assertEquals(1, Xml.rome(server.get("/author/" + PathSegments.encode("نور-الدين") + "/feed/atom/").body()).getEntries().size());
    }

    @Test
    void aPageWithJsonLdAndOpenGraphKeepsItsAuthorsSectionsAndKeywords() throws Exception {
        HttpResponse<byte[]> created = postHtml("/api/articles", page("jsonld-og.html"));
        assertEquals(201, created.statusCode(), TestServer.text(created));
        JsonNode article = json(created);
        assertEquals("https://nilenews.example/economy/2024/05/23/central-bank-holds-rates/", article.get("url").asText());
        assertEquals(2, article.get("authors").size());
        assertFalse(article.get("categories").isEmpty());
        assertFalse(article.get("tags").isEmpty());
        SyndEntry entry = Xml.rome(server.get("/feed/atom/").body()).getEntries().get(0);
        assertEquals(article.get("title").asText(), entry.getTitle());
        assertEquals(2, entry.getAuthors().size());
    }

    @Test
    void aBarePageTakesItsAddressFromTheUrlParameterAndPostingItAgainUpdates() throws Exception {
        String url = "https://bare.example/news/2024/06/01/قصة";
        String path = "/api/articles?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
        HttpResponse<byte[]> created = postHtml(path, page("bare.html"));
        assertEquals(201, created.statusCode(), TestServer.text(created));
        assertEquals("https://bare.example/news/2024/06/01/%D9%82%D8%B5%D8%A9", json(created).get("url").asText());
        HttpResponse<byte[]> again = postHtml(path, page("bare.html"));
        assertEquals(200, again.statusCode());
        assertEquals(json(created).get("id"), json(again).get("id"));
        assertEquals(1, Xml.rome(server.get("/feed/").body()).getEntries().size());
    }

    @Test
    void aPageWithNoArticleIs422AndNothingIsStored() {
        HttpResponse<byte[]> noTitle = postHtml("/api/articles",
                "<html><body><nav><a href='/'>الرئيسية</a></nav><p>فقرة بلا عنوان.</p></body></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, noTitle.statusCode());
        assertTrue(TestServer.text(noTitle).contains("title"), TestServer.text(noTitle));
        HttpResponse<byte[]> noBody = postHtml("/api/articles",
                "<html><head><title>عنوان فقط</title></head><body><h1>عنوان فقط</h1></body></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, noBody.statusCode());
        assertTrue(TestServer.text(noBody).contains("content"), TestServer.text(noBody));
        assertEquals(400, postHtml("/api/articles", new byte[0]).statusCode());
        assertTrue(Xml.rome(server.get("/feed/").body()).getEntries().isEmpty());
    }
}
