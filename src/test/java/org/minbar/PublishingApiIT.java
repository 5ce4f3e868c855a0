package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.minbar.text.PathSegments;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Publishers' API over real HTTP against a real SQLite file: writes, reads, and every bad input. */
class PublishingApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TURKEY_FEED = "/category/" + PathSegments.encode("تركيا") + "/feed/";
    private static final String SARA_FEED = "/author/" + PathSegments.encode("سارة-المنصوري") + "/feed/atom/";

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

    private static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + TestServer.text(response), e);
        }
    }

    @Test
    void createAnswers201WithLocationAndTheStoredArticleAndGetReturnsTheSame() {
        HttpResponse<byte[]> created = server.postJson(Articles.s400Deal("urn:test:s400"));
        assertEquals(201, created.statusCode(), TestServer.text(created));
        JsonNode article = json(created);
        long id = article.get("id").asLong();
        assertEquals("/api/articles/" + id, created.headers().firstValue("Location").orElseThrow());
        assertEquals("تركيا تتسلم الدفعة الثانية من منظومة إس-400 الروسية", article.get("title").asText());
        assertEquals("https://news.example.org/2024/03/s400-deal", article.get("link").asText());
        assertEquals("2024-03-10T06:30:00Z", article.get("published").asText());
        assertEquals("2024-03-10T08:00:00Z", article.get("updated").asText());
        assertEquals("سارة المنصوري", article.get("authors").get(0).get("name").asText());
        assertEquals("محررة الشؤون الدفاعية.", article.get("authors").get(0).get("bio").asText());
        assertEquals(List.of("تركيا", "دفاع جوي"), JSON.convertValue(article.get("categories"), List.class));
        assertEquals(List.of("إس-400", "روسيا"), JSON.convertValue(article.get("tags"), List.class));
        assertEquals("https://news.example.org/images/s400.jpg", article.get("image").asText());
        assertEquals("ar", article.get("language").asText());

        HttpResponse<byte[]> fetched = server.get("/api/articles/" + id);
        assertEquals(200, fetched.statusCode());
        JsonNode read = json(fetched);
        assertEquals(false, read.get("derived").get("pending").asBoolean(), "derived: the test server waits for it");
        ((com.fasterxml.jackson.databind.node.ObjectNode) read).remove("derived");
        assertEquals(article, read);
    }

    @Test
    void aNewArticleAppearsInTheSiteItsCategoryAndItsAuthorFeedsWithEveryField() {
        server.postJson(Articles.s400Deal("urn:test:s400"));
        for (String path : List.of("/feed/", "/feed/atom/", TURKEY_FEED, TURKEY_FEED + "atom/", SARA_FEED)) {
            SyndFeed feed = Xml.rome(server.get(path).body());
            assertEquals(1, feed.getEntries().size(), path);
            SyndEntry entry = feed.getEntries().get(0);
            assertEquals("تركيا تتسلم الدفعة الثانية من منظومة إس-400 الروسية", entry.getTitle(), path);
            assertEquals("https://news.example.org/2024/03/s400-deal", entry.getLink(), path);
            assertEquals("urn:test:s400", entry.getUri(), path);
        }
        Document rss = Xml.parse(server.get("/feed/").body());
        Element item = Xml.all(rss, null, "item").get(0);
        assertEquals("سارة المنصوري", Xml.text(item, Xml.DC, "creator"));
        assertEquals("https://news.example.org/images/s400.jpg", Xml.child(item, Xml.MEDIA, "content").getAttribute("url"));
        String content = Xml.text(item, Xml.CONTENT, "encoded");
        assertTrue(content.contains("<img src=\"https://news.example.org/images/s400.jpg\""), "lead image in the content");
        assertTrue(content.contains("<h2>ردود الفعل</h2>"));
        Element related = Xml.child(item, Xml.ATOM, "link");
        assertEquals("https://news.example.org/patriot-vs-iran", related.getAttribute("href"));
        assertEquals("باتريوت ضد صواريخ إيران", related.getAttribute("title"));
    }

    @Test
    void postingTheSameGuidOrUrlAgainUpdatesInsteadOfDuplicating() {
        long id = json(server.postJson(Articles.s400Deal("urn:test:s400"))).get("id").asLong();
        HttpResponse<byte[]> again = server.postJson(Articles.s400Deal("urn:test:s400")
                .replace("الدفعة الثانية", "الدفعة الثالثة"));
        assertEquals(200, again.statusCode());
        assertEquals(id, json(again).get("id").asLong());
        HttpResponse<byte[]> byUrl = server.postJson(Articles.s400Deal("urn:test:other").replace("\"guid\": \"urn:test:other\",", ""));
        assertEquals(200, byUrl.statusCode(), TestServer.text(byUrl));
        assertEquals(id, json(byUrl).get("id").asLong());
        SyndFeed feed = Xml.rome(server.get("/feed/").body());
        assertEquals(1, feed.getEntries().size());
        assertEquals("urn:test:s400", feed.getEntries().get(0).getUri(), "the feed id never changes");
    }

    @Test
    void anIdenticalRepostChangesNothingSoFeedsKeepTheirEtag() {
        server.postJson(Articles.brief("urn:test:a", "خبر أول", "تركيا", "سارة المنصوري", "2024-03-01T10:00:00Z"));
        String etag = server.get("/feed/").headers().firstValue("ETag").orElseThrow();
        assertEquals(200, server.postJson(Articles.brief("urn:test:a", "خبر أول", "تركيا", "سارة المنصوري", "2024-03-01T10:00:00Z")).statusCode());
        assertEquals(etag, server.get("/feed/").headers().firstValue("ETag").orElseThrow());
    }

    /** What an export or a CMS sends again carries its own updated date: given again, it is no edit. */
    @Test
    void aPutOfWhatIsStoredWithItsOwnUpdatedDateChangesNothingAndANewUpdatedDateIsAnEdit() {
        String dated = Articles.brief("urn:test:a", "خبر أول", "تركيا", "سارة المنصوري", "2024-03-01T10:00:00Z")
                .replace("\"published\"", "\"updated\": \"2024-03-02T08:30:00.000123+03:00\", \"published\"");
        long id = json(server.postJson(dated)).get("id").asLong();
        String modified = json(server.get("/api/articles/" + id)).get("modified").asText();
        server.derived(null);
        String etag = server.get("/feed/").headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> same = server.putJson("/api/articles/" + id, dated);
        assertEquals(200, same.statusCode(), TestServer.text(same));
        assertEquals(modified, json(same).get("modified").asText(), "not written again");
        assertEquals(etag, server.get("/feed/").headers().firstValue("ETag").orElseThrow());

        HttpResponse<byte[]> edited = server.putJson("/api/articles/" + id, dated.replace("2024-03-02T08:30", "2024-03-02T09:30"));
        assertEquals(200, edited.statusCode(), TestServer.text(edited));
        assertNotEquals(modified, json(edited).get("modified").asText());
        assertEquals("2024-03-02T06:30:00Z", json(edited).get("updated").asText());
    }

    @Test
    void aRepostThatOnlyAddsTheAuthorsBioStoresTheBio() {
        String plain = Articles.brief("urn:test:a", "خبر أول", "تركيا", "سارة المنصوري", "2024-03-01T10:00:00Z");
        long id = json(server.postJson(plain)).get("id").asLong();
        String withBio = plain.replace("{\"name\": \"سارة المنصوري\"}", "{\"name\": \"سارة المنصوري\", \"bio\": \"محررة الشؤون الدفاعية.\"}");
        assertEquals(200, server.postJson(withBio).statusCode());
        assertEquals("محررة الشؤون الدفاعية.", json(server.get("/api/articles/" + id)).get("authors").get(0).get("bio").asText());
    }

    @Test
    void putReplacesKeepingTheFeedIdAndMovesUpdated() {
        long id = json(server.postJson(Articles.brief("urn:test:a", "خبر أول", "تركيا", "سارة المنصوري", "2024-03-01T10:00:00Z"))).get("id").asLong();
        HttpResponse<byte[]> replaced = server.putJson("/api/articles/" + id,
                Articles.brief("urn:test:a", "خبر أول معدل", "مصر", "سارة المنصوري", "2024-03-01T10:00:00Z"));
        assertEquals(200, replaced.statusCode(), TestServer.text(replaced));
        JsonNode article = json(replaced);
        assertEquals("خبر أول معدل", article.get("title").asText());
        assertNotEquals(article.get("published").asText(), article.get("updated").asText());
        SyndEntry entry = Xml.rome(server.get("/feed/atom/").body()).getEntries().get(0);
        assertEquals("urn:test:a", entry.getUri());
        assertEquals("خبر أول معدل", entry.getTitle());
        assertTrue(Xml.rome(server.get(TURKEY_FEED).body()).getEntries().isEmpty(), "left its old category");
        assertEquals(1, Xml.rome(server.get("/category/" + PathSegments.encode("مصر") + "/feed/").body()).getEntries().size());
    }

    @Test
    void deleteTakesTheArticleOutOfEveryFeedAndItsPageAnswersGone() {
        long keep = json(server.postJson(Articles.brief("urn:test:keep", "خبر باق", "تركيا", "سارة المنصوري", "2024-03-01T10:00:00Z"))).get("id").asLong();
        JsonNode gone = json(server.postJson(Articles.brief("urn:test:gone", "خبر محذوف", "تركيا", "سارة المنصوري", "2024-03-02T10:00:00Z")));
        long id = gone.get("id").asLong();
        assertEquals(200, server.get(gone.get("page").asText()).statusCode());

        assertEquals(204, server.delete("/api/articles/" + id).statusCode());
        for (String path : List.of("/feed/", "/feed/atom/", TURKEY_FEED, SARA_FEED)) {
            List<String> titles = Xml.rome(server.get(path).body()).getEntries().stream().map(SyndEntry::getTitle).toList();
            assertEquals(List.of("خبر باق"), titles, path);
        }
        assertEquals(410, server.get("/api/articles/" + id).statusCode());
        assertEquals(410, server.get(gone.get("page").asText()).statusCode());
        assertEquals(410, server.delete("/api/articles/" + id).statusCode());
        assertEquals(200, server.get("/api/articles/" + keep).statusCode());
    }

    @Test
    void htmlIsSanitizedAndCharactersXmlForbidsNeverReachAFeed() {
        String hostile = """
            {"title": "عنوان\\u0000 مع \\u0007محارف تحكم", "content":
             "<p onclick=\\"steal()\\">نص <script>alert(1)</script><a href=\\"javascript:alert(2)\\">رابط</a> \\uD800 <iframe src=\\"https://evil.example\\"></iframe><img src=\\"/local.png\\"></p>",
             "author": "كاتب"}
            """;
        HttpResponse<byte[]> created = server.postJson(hostile);
        assertEquals(201, created.statusCode(), TestServer.text(created));
        JsonNode article = json(created);
        assertEquals("عنوان مع محارف تحكم", article.get("title").asText());
        String content = article.get("content").asText();
        assertFalse(content.contains("script") || content.contains("onclick") || content.contains("javascript:")
                || content.contains("iframe"), content);
        assertTrue(content.contains("<img src=\"" + server.base() + "/local.png\""), "relative image made absolute: " + content);
        for (String path : List.of("/feed/", "/feed/atom/")) {
            SyndFeed feed = Xml.rome(server.get(path).body());
            assertEquals("عنوان مع محارف تحكم", feed.getEntries().get(0).getTitle());
        }
    }

    @Test
    void writesWithoutTheRightTokenAre401AndChangeNothing() {
        byte[] body = Articles.s400Deal("urn:test:s400").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> none = server.send(server.request("/api/articles", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        assertTrue(TestServer.text(none).contains("Authorization: Bearer"));
        HttpResponse<byte[]> wrong = server.send(server.request("/api/articles", "Content-Type", "application/json",
                "Authorization", "Bearer " + TestServer.TOKEN + "x").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(401, wrong.statusCode());
        HttpResponse<byte[]> basic = server.send(server.request("/api/articles", "Content-Type", "application/json",
                "Authorization", "Basic dXNlcjpwYXNz").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(401, basic.statusCode());
        assertEquals(401, server.send(server.request("/api/articles/1").DELETE().build()).statusCode());
        assertTrue(Xml.rome(server.get("/feed/").body()).getEntries().isEmpty());
    }

    @Test
    void badBodiesGet400WithTheFieldNamedAndNothingIsStored() {
        server.postJson(Articles.brief("urn:test:keep", "خبر باق", "تركيا", "سارة المنصوري", "2024-03-01T10:00:00Z"));
        String etag = server.get("/feed/").headers().firstValue("ETag").orElseThrow();
        List<String[]> cases = List.of(
                new String[] {"{\"title\": \"بلا نهاية\"", "$", "is not valid JSON"},
                new String[] {"[1, 2]", "$", "must be a JSON object"},
                new String[] {"{\"content\": \"<p>نص</p>\"}", "$.title", "is required"},
                new String[] {"{\"title\": 5, \"content\": \"<p>نص</p>\"}", "$.title", "must be a string, not a number"},
                new String[] {"{\"title\": \"خبر\", \"content\": \"نص\", \"categories\": \"سوريا\"}", "$.categories", "must be a list of strings"},
                new String[] {"{\"title\": \"خبر\", \"content\": \"نص\", \"titel\": \"خطأ\"}", "$.titel", "is not a known field"},
                new String[] {"{\"title\": \"خبر\", \"content\": \"نص\", \"published\": \"أمس\"}", "$.published", "ISO 8601"},
                new String[] {"{\"title\": \"خبر\", \"content\": \"نص\", \"published\": \"2024-03-01T10:00:00\"}", "$.published", "time zone offset"},
                new String[] {"{\"title\": \"خبر\", \"content\": \"نص\", \"url\": \"javascript:alert(1)\"}", "$.url", "absolute http or https"},
                new String[] {"{\"title\": \"خبر\", \"content\": \"نص\", \"authors\": [{\"bio\": \"بلا اسم\"}]}", "$.authors[0].name", "is required"});
        for (String[] bad : cases) {
            HttpResponse<byte[]> response = server.postJson(bad[0]);
            assertEquals(400, response.statusCode(), bad[0]);
            assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
            JsonNode error = json(response);
            assertEquals(400, error.get("status").asInt());
            assertTrue(error.get("message").asText().contains(bad[1]) && error.get("message").asText().contains(bad[2]),
                    bad[0] + " -> " + error);
        }
        assertEquals(etag, server.get("/feed/").headers().firstValue("ETag").orElseThrow(), "no bad input changed the feed");
    }

    @Test
    void wrongContentTypeIs415AndOversizedBodyIs413() {
        HttpResponse<byte[]> xml = server.write("POST", "/api/articles", "text/plain", "عنوان".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, xml.statusCode());
        assertTrue(TestServer.text(xml).contains("Content-Type must be application/json"));
        // A body announced over the limit by a client waiting for 100 Continue is refused from its headers,
        // before a byte of it is sent; so is one announced past what is ever read.
        for (String expect : List.of("Expect: 100-continue\r\nContent-Length: " + (64L * 1024 * 1024),
                "Content-Length: " + (1L << 40))) {
            String announced = server.raw("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + TestServer.TOKEN + "\r\nContent-Type: application/json\r\n" + expect + "\r\n\r\n");
            assertTrue(announced.startsWith("HTTP/1.1 413 "), announced);
            assertTrue(announced.contains("larger than the limit"), announced);
        }
        // A body of no stated length (chunked) is refused once it passes the limit.
        byte[] huge = ("{\"title\": \"كبير\", \"content\": \"" + "ب".repeat(2 * 1024 * 1024 + 512) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> tooLarge = server.send(server.request("/api/articles", "Authorization", "Bearer " + TestServer.TOKEN,
                "Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build());
        assertEquals(413, tooLarge.statusCode());
        assertTrue(TestServer.text(tooLarge).contains("larger than the limit"));
        // A stated length over the limit, the body sent all the same: read and thrown away, so the 413 arrives.
        byte[] stated = ("{\"title\": \"كبير\", \"content\": \"" + "ب".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> statedTooLarge = server.write("POST", "/api/articles", "application/json", stated);
        assertEquals(413, statedTooLarge.statusCode());
        assertTrue(TestServer.text(statedTooLarge).contains("larger than the limit"));
        assertTrue(Xml.rome(server.get("/feed/").body()).getEntries().isEmpty());
    }

    /**
     * A chunked body six times the limit, past what Undertow's own entity limit used to let through:
     * read to its end and thrown away, so the 413 arrives whole (no reset) and the connection serves
     * the next request.
     */
    @Test
    void aChunkedBodyFarOverTheLimitGets413AndTheConnectionStaysUsable() throws IOException {
        try (Socket socket = server.connect()) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestServer.TOKEN
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            for (long sent = 0; sent < 24L * 1024 * 1024; sent += chunk.length) {
                out.write(size);
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answers.startsWith("HTTP/1.1 413 "), answers);
            assertTrue(answers.contains("larger than the limit of 4194304 bytes"), answers);
            assertTrue(answers.indexOf("HTTP/1.1 200 ") > 0, "the same connection answers the next request: " + answers);
        }
        assertTrue(Xml.rome(server.get("/feed/").body()).getEntries().isEmpty());
    }

    @Test
    void aMethodTheRouteDoesNotTakeIs405InJson() {
        HttpResponse<byte[]> patch = server.send(server.request("/api/articles/1", "Authorization", "Bearer " + TestServer.TOKEN)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(405, patch.statusCode());
        assertTrue(json(patch).get("message").asText().contains("PATCH is not allowed"));
        assertEquals(405, server.send(server.request("/feed/").POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
    }

    @Test
    void unknownIdsAre404AndAGuidAndUrlOfTwoArticlesAre409() {
        assertEquals(404, server.get("/api/articles/999").statusCode());
        assertEquals(404, server.get("/api/articles/abc").statusCode());
        assertEquals(404, server.putJson("/api/articles/999", Articles.s400Deal("urn:test:x")).statusCode());
        assertEquals(404, server.delete("/api/articles/999").statusCode());
        assertTrue(TestServer.text(server.get("/api/articles/999")).contains("no article with id 999"));

        server.postJson(Articles.s400Deal("urn:test:s400"));
        server.postJson(Articles.brief("urn:test:b", "خبر آخر", "تركيا", "سارة المنصوري", "2024-03-01T10:00:00Z"));
        HttpResponse<byte[]> conflict = server.postJson(Articles.s400Deal("urn:test:b"));
        assertEquals(409, conflict.statusCode());
        assertEquals(2, Xml.rome(server.get("/feed/").body()).getEntries().size());
    }
}
