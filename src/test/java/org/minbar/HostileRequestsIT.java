package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Requests written to fool the server, sent byte for byte over a real socket: each gets a clear
 * 4xx and never a redirect to another host, and none changes what is stored. Tried here: protocol-relative
 * and percent-encoded host paths, traversal written plainly and percent-encoded, backslashes.
 */
class HostileRequestsIT {

    @TempDir
    static Path storage;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.withSeeds(storage);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pathsThatAClientWouldReadAsAnotherHostAreNotFoundAndNeverRedirected() {
        for (String path : List.of("//evil.example/feed", "///evil.example/feed", "//%65vil.example/feed",
                "//127.0.0.1:1/x", "/feed//evil.example", "/%5Cevil.example/feed", "/%5C%5Cevil.example/feed", "/%2F%2Fevil.example/feed", "/%2fevil.example/feed")) {
            String answer = get(path);
            assertTrue(answer.startsWith("HTTP/1.1 404 "), path + " → " + firstLine(answer));
            assertFalse(answer.toLowerCase().contains("\nlocation:"), path + " must not redirect: " + answer);
        }
    }

    @Test
    void traversalLookingPathsAreNotFound() {
        for (String path : List.of("/category/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/category/../../etc/passwd",
                "/feed/./atom/", "/category/%2E%2E/feed/", "/tag/x/%2e/feed")) {
            String answer = get(path);
            assertTrue(answer.startsWith("HTTP/1.1 404 "), path + " → " + firstLine(answer));
            assertFalse(answer.toLowerCase().contains("\nlocation:"), path + " must not redirect: " + answer);
            assertTrue(answer.contains("'..' segments"), answer);
        }
    }

    @Test
    void anAddressWithoutItsSlashIsRedirectedToAPathOnThisHostOnly() {
        assertLocation("/feed", "/feed/");
        assertLocation("/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed?paged=2", "/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/?paged=2");
        // An absolute-form request target: the Location is still a path; a host other than the Host header's is refused.
        String host = server.local().substring("http://".length());
        String answer = server.raw("GET http://" + host + "/feed HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 301 "), firstLine(answer));
        assertEquals("/feed/", header(answer, "location"));
        String elsewhere = server.raw("GET http://evil.example/feed HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        assertTrue(elsewhere.startsWith("HTTP/1.1 400 "), firstLine(elsewhere));
    }

    @Test
    void deeplyNestedJsonIsA400ThatNamesTheLimitAndStoresNothing() {
        String etag = server.get("/feed/").headers().firstValue("ETag").orElseThrow();
        String deep = "[".repeat(1_000) + "]".repeat(1_000);
        String deepObject = "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000);
        for (String body : List.of(deep, deepObject, "{\"title\": " + deep + ", \"content\": \"نص\"}",
                "{\"title\": \"عنوان\", \"content\": \"نص\", \"categories\": " + deep + "}",
                "[".repeat(100_000))) {
            var answer = server.send(server.request("/api/articles", "Authorization", "Bearer " + TestServer.TOKEN,
                    "Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
            assertEquals(400, answer.statusCode(), TestServer.text(answer));
            assertTrue(TestServer.text(answer).contains("nesting depth"), TestServer.text(answer));
            var batch = server.send(server.request("/api/articles/batch", "Authorization", "Bearer " + TestServer.TOKEN,
                    "Content-Type", "application/x-ndjson").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body + "\n")).build());
            assertEquals(200, batch.statusCode(), TestServer.text(batch));
            assertTrue(TestServer.text(batch).contains("\"status\":400"), TestServer.text(batch));
            assertTrue(TestServer.text(batch).contains("nesting depth"), TestServer.text(batch));
        }
        assertEquals(etag, server.get("/feed/").headers().firstValue("ETag").orElseThrow(), "nothing was stored");
    }

    @Test
    void aGuidThatIsNoValidEntryIdNeverBreaksTheAtomFeed() {
        List<String> refused = List.of("urn:x", "tag:a", "mailto:desk@example.org", "x:y");
        List<String> kept = List.of("urn:isbn:0451450523", "tag:example.org,2020:guid-kept");
        for (String guid : refused) {
            assertEquals(201, server.postJson(Articles.brief(guid, "خبر بمعرف " + guid, "اختبار", "محرر", "2020-02-09T10:00:00Z")).statusCode());
        }
        for (String guid : kept) {
            assertEquals(201, server.postJson(Articles.brief(guid, "خبر بمعرف " + guid, "اختبار", "محرر", "2020-02-09T10:00:00Z")).statusCode());
        }
        byte[] atom = server.derived(server.get("/category/%D8%A7%D8%AE%D8%AA%D8%A8%D8%A7%D8%B1/feed/atom/")).body();
        AtomSchema.validate(atom);
        List<String> ids = Xml.all(Xml.parse(atom), Xml.ATOM, "entry").stream().map(e -> Xml.text(e, Xml.ATOM, "id")).toList();
        assertEquals(6, ids.size(), ids.toString());
        assertTrue(ids.containsAll(kept), ids.toString());
        assertEquals(4, ids.stream().filter(id -> id.matches("urn:uuid:[0-9a-f-]{36}")).count(), ids.toString());
        // An update by the same guid keeps the entry's id.
        assertEquals(200, server.postJson(Articles.brief("urn:x", "خبر بمعرف معدل", "اختبار", "محرر", "2020-02-09T10:00:00Z")).statusCode());
        byte[] again = server.derived(server.get("/category/%D8%A7%D8%AE%D8%AA%D8%A8%D8%A7%D8%B1/feed/atom/")).body();
        assertEquals(ids.stream().sorted().toList(),
                Xml.all(Xml.parse(again), Xml.ATOM, "entry").stream().map(e -> Xml.text(e, Xml.ATOM, "id")).sorted().toList());
    }

    @Test
    void aDirectionalOverrideInATitleOrContentIsClosedWithinIt() {
        String json = """
            {"guid": "urn:test:bidi", "title": "عنوان \u202Eمعكوس", "summary": "ملخص \u2067مفتوح",
             "content": "<p>فقرة \u202Dمفتوحة</p><p>فقرة ثانية</p>", "author": {"name": "محرر \u202Eمعكوس"},
             "categories": ["ثنائية الاتجاه"], "published": "2020-02-10T10:00:00Z"}
            """;
        assertEquals(201, server.postJson(json).statusCode());
        byte[] rss = server.get("/category/%D8%AB%D9%86%D8%A7%D8%A6%D9%8A%D8%A9-%D8%A7%D9%84%D8%A7%D8%AA%D8%AC%D8%A7%D9%87/feed/").body();
        var item = Xml.all(Xml.parse(rss), null, "item").get(0);
        assertEquals("عنوان \u202Eمعكوس\u202C", Xml.text(item, null, "title"));
        assertEquals("ملخص \u2067مفتوح\u2069", Xml.text(item, null, "description"));
        String content = Xml.text(item, Xml.CONTENT, "encoded");
        assertTrue(content.contains("<p>فقرة \u202Dمفتوحة\u202C</p><p>فقرة ثانية</p>"), content);
        assertTrue(Xml.text(item, Xml.DC, "creator").endsWith("\u202Eمعكوس\u202C"), Xml.text(item, Xml.DC, "creator"));
    }

    @Test
    void ambiguousMessageFramingIsRefusedWith400AndTheConnectionClosed() {
        String post = "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestServer.TOKEN
                + "\r\nContent-Type: application/json\r\n";
        String chunk = "c\r\n{\"title\": 1}\r\n0\r\n\r\n";
        for (String framing : List.of("Transfer-Encoding: chunked, identity\r\n", "Transfer-Encoding: identity, chunked\r\n",
                "Transfer-Encoding: gzip, chunked\r\n", "Transfer-Encoding: chunked\r\nContent-Length: 13\r\n",
                "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n")) {
            String answer = server.raw(post + framing + "\r\n" + chunk + "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), framing + " → " + answer);
            assertTrue(answer.toLowerCase().contains("\nconnection: close"), framing + " → " + answer);
            assertFalse(answer.substring(12).contains("HTTP/1.1 "), "nothing more is read on that connection: " + answer);
        }
    }

    @Test
    void aFramingHeaderFoldedOverTwoLinesIsRefusedWith400() {
        // RFC 9112 5.2 lets a server read another field's obs-fold as a space; a folded Transfer-Encoding
        // or Content-Length could be framed differently by a proxy in front, so it is refused.
        String post = "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestServer.TOKEN
                + "\r\nContent-Type: application/json\r\n";
        for (String folded : List.of("Transfer-Encoding:\r\n chunked\r\n", "Content-Length:\r\n 13\r\n")) {
            String answer = server.raw(post + folded + "Connection: close\r\n\r\nb\r\n{\"title\": 1}\r\n0\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), folded + " → " + answer);
        }
    }

    private static void assertLocation(String path, String location) {
        String answer = get(path);
        assertTrue(answer.startsWith("HTTP/1.1 301 "), path + " → " + firstLine(answer));
        assertEquals(location, header(answer, "location"));
    }

    private static String get(String path) {
        return server.raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    private static String firstLine(String answer) {
        int end = answer.indexOf("\r\n");
        return end < 0 ? answer : answer.substring(0, end);
    }

    private static String header(String answer, String name) {
        for (String line : answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
