package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;

/**
 * POST /api/articles/batch over HTTP: NDJSON in, NDJSON out in the same order, good lines committed
 * and bad ones (invalid JSON, a missing title, a guid/url conflict) refused with what was wrong
 * and nothing stored; the feeds then hold exactly the good ones. Bad inputs tried: a line of broken
 * JSON, an article without a title, a line that conflicts with another article, the wrong content
 * type, an empty batch, and more than 1,000 lines.
 */
class BatchPublishingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    private HttpResponse<byte[]> batch(String contentType, String body) {
        return server.write("POST", "/api/articles/batch", contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> lines(HttpResponse<byte[]> response) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : TestServer.text(response).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static String article(String guid, String title) {
        return Articles.brief(guid, title, "سوريا", "نور الدين", "2024-05-01T10:00:00Z").replace("\n", " ");
    }

    @Test
    void goodLinesAreCommittedAndBadOnesRefusedEachWithItsOwnAnswerInOrder() throws Exception {
        String body = String.join("\n",
                article("urn:test:b1", "الأول: قصف على ريف إدلب"),
                "{\"title\": \"لا ينتهي",
                "",
                "{\"guid\": \"urn:test:b3\", \"content\": \"<p>بلا عنوان</p>\"}",
                article("urn:test:b4", "الرابع: نزوح من ريف إدلب"),
                article("urn:test:b1", "الأول: قصف على ريف إدلب")) + "\n";
        HttpResponse<byte[]> response = batch("application/x-ndjson", body);
        assertEquals(200, response.statusCode(), TestServer.text(response));
        assertEquals("application/x-ndjson; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        List<JsonNode> lines = lines(response);
        assertEquals(5, lines.size(), "one answer per article line; the blank line is skipped");
        assertEquals(List.of(1, 2, 4, 5, 6), lines.stream().map(l -> l.get("line").asInt()).toList());
        assertEquals(201, lines.get(0).get("status").asInt());
        assertEquals(400, lines.get(1).get("status").asInt());
        assertTrue(lines.get(1).get("message").asText().contains("not valid JSON"), lines.get(1).toString());
        assertEquals(400, lines.get(2).get("status").asInt());
        assertEquals("$.title", lines.get(2).get("problems").get(0).get("field").asText(), lines.get(2).toString());
        assertEquals(201, lines.get(3).get("status").asInt());
        assertEquals(200, lines.get(4).get("status").asInt(), "the same guid again updates (here: changes nothing)");
        assertEquals(lines.get(0).get("id"), lines.get(4).get("id"));
        assertEquals(false, lines.get(4).get("changed").asBoolean());

        long first = lines.get(0).get("id").asLong();
        assertEquals("/api/articles/" + first, lines.get(0).get("location").asText());
        JsonNode stored = JSON.readTree(server.get("/api/articles/" + first).body());
        assertEquals("الأول: قصف على ريف إدلب", stored.get("title").asText());
        assertEquals(false, stored.get("derived").get("pending").asBoolean(), "derived once the batch is taken in");

        List<String> titles = new ArrayList<>();
        for (SyndEntry entry : new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(server.get("/feed/").body())))
                .getEntries()) {
            titles.add(entry.getTitle());
        }
        assertEquals(List.of("الرابع: نزوح من ريف إدلب", "الأول: قصف على ريف إدلب").stream().sorted().toList(),
                titles.stream().sorted().toList(), "the feed holds the two good articles and nothing of the bad lines");
    }

    @Test
    void aLineThatConflictsWithAnotherArticleIsRefusedAndTheRestStands() throws Exception {
        server.postJson("{\"guid\": \"urn:test:a\", \"url\": \"https://news.example/a\", \"title\": \"أ\", \"content\": \"<p>أ</p>\"}");
        server.postJson("{\"guid\": \"urn:test:b\", \"url\": \"https://news.example/b\", \"title\": \"ب\", \"content\": \"<p>ب</p>\"}");
        String body = "{\"guid\": \"urn:test:a\", \"url\": \"https://news.example/b\", \"title\": \"خلط\", \"content\": \"<p>خلط</p>\"}\n"
                + article("urn:test:c", "ج: خبر جديد") + "\n";
        List<JsonNode> lines = lines(batch("application/x-ndjson", body));
        assertEquals(409, lines.get(0).get("status").asInt(), lines.get(0).toString());
        assertTrue(lines.get(0).get("message").asText().contains("urn:test:a"), lines.get(0).toString());
        assertEquals(201, lines.get(1).get("status").asInt());
        assertEquals("أ", JSON.readTree(server.get("/api/articles/1").body()).get("title").asText(), "the conflicting line changed nothing");
    }

    @Test
    void theWrongTypeAnEmptyBatchAndTooManyLinesAreRefusedWhole() {
        HttpResponse<byte[]> wrongType = batch("application/json", article("urn:test:x", "خبر"));
        assertEquals(415, wrongType.statusCode());
        assertTrue(TestServer.text(wrongType).contains("application/x-ndjson"), TestServer.text(wrongType));
        HttpResponse<byte[]> empty = batch("application/x-ndjson", "\n\n");
        assertEquals(400, empty.statusCode());
        assertTrue(TestServer.text(empty).contains("no article"), TestServer.text(empty));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1_001; i++) {
            many.append("{\"title\": \"").append(i).append("\"}\n");
        }
        HttpResponse<byte[]> tooMany = batch("application/x-ndjson", many.toString());
        assertEquals(413, tooMany.statusCode());
        assertTrue(TestServer.text(tooMany).contains("at most 1000"), TestServer.text(tooMany));
        assertEquals(404, server.get("/api/articles/1").statusCode(), "nothing of a refused batch is stored");
    }

    /**
     * Articles without dates of their own, written in one batch, used to share a second: Atom then
     * gave them one atom:updated, which tells readers nothing of their order and which the W3C
     * validator warns about (DuplicateUpdated).
     */
    @Test
    void articlesOfOneBatchWithoutDatesGetDistinctTimesInTheAtomFeed() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            body.append("{\"guid\": \"urn:test:undated-").append(i).append("\", \"title\": \"خبر بلا تاريخ ")
                    .append(i).append("\", \"content\": \"<p>نص.</p>\", \"categories\": [\"سوريا\"]}\n");
        }
        lines(batch("application/x-ndjson", body.toString())).forEach(line -> assertEquals(201, line.get("status").asInt(), line.toString()));
        List<String> updated = Xml.all(Xml.parse(server.get("/feed/atom/").body()), Xml.ATOM, "entry").stream()
                .map(entry -> Xml.text(entry, Xml.ATOM, "updated")).toList();
        assertEquals(5, updated.size());
        assertEquals(5, new java.util.HashSet<>(updated).size(), "one atom:updated per entry: " + updated);
    }

    @Test
    void aBatchNeedsTheToken() {
        HttpResponse<byte[]> response = server.send(server.request("/api/articles/batch", "Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(article("urn:test:x", "خبر"))).build());
        assertEquals(401, response.statusCode());
    }
}
