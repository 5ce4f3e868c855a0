package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.AtomSchema;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.minbar.text.PathSegments;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Deletions and updates as subscribers see them: tombstones in Atom (RFC 6721), stable ids, related links to our copies. */
class DeletionsIT {

    private static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";
    private static final String TURKEY = "/category/" + PathSegments.encode("تركيا") + "/feed/";
    private static final String SARA = "/author/" + PathSegments.encode("سارة-المنصوري") + "/feed/";

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

    private JsonNode post(String json) throws Exception {
        return new ObjectMapper().readTree(server.postJson(json).body());
    }

    @Test
    void aDeletedArticleLeavesATombstoneInEveryAtomFeedItWasIn() throws Exception {
        JsonNode gone = post(Articles.brief("urn:test:gone", "خبر سيحذف", "تركيا", "سارة المنصوري", "2024-03-02T10:00:00Z"));
        post(Articles.brief("urn:test:kept", "خبر باق", "مصر", "كريم الحداد", "2024-03-01T10:00:00Z"));
        Instant before = Instant.now().minusSeconds(1);
        assertEquals(204, server.delete("/api/articles/" + gone.get("id").asLong()).statusCode());

        for (String path : List.of("/feed/atom/", TURKEY + "atom/", SARA + "atom/")) {
            Document atom = Xml.parse(server.get(path).body());
            List<Element> tombstones = Xml.all(atom, TOMBSTONES, "deleted-entry");
            assertEquals(1, tombstones.size(), path);
            assertEquals("urn:test:gone", tombstones.get(0).getAttribute("ref"));
            Instant when = Instant.parse(tombstones.get(0).getAttribute("when"));
            assertFalse(when.isBefore(before.minusSeconds(1)) || when.isAfter(Instant.now().plusSeconds(1)), when.toString());
            assertTrue(Xml.all(atom, Xml.ATOM, "entry").stream().noneMatch(e -> Xml.text(e, Xml.ATOM, "id").equals("urn:test:gone")));
            Instant updated = Instant.parse(Xml.text(atom.getDocumentElement(), Xml.ATOM, "updated"));
            assertTrue(Duration.between(when, updated).abs().getSeconds() <= 1, "the feed's updated moves with the deletion");
            Xml.rome(server.get(path).body());
            AtomSchema.validate(server.get(path).body());
        }
        assertTrue(Xml.all(Xml.parse(server.get("/category/" + PathSegments.encode("مصر") + "/feed/atom/").body()),
                TOMBSTONES, "deleted-entry").isEmpty(), "no tombstone where the article never was");
        assertTrue(Xml.all(Xml.parse(server.get("/feed/").body()), null, "item").stream()
                .noneMatch(i -> Xml.text(i, null, "guid").equals("urn:test:gone")));
    }

    @Test
    void postingADeletedArticleAgainBringsItBackUnderTheSameIdWithoutATombstone() throws Exception {
        String json = Articles.brief("urn:test:back", "خبر يعود", "تركيا", "سارة المنصوري", "2024-03-02T10:00:00Z");
        long id = post(json).get("id").asLong();
        server.delete("/api/articles/" + id);
        assertEquals(200, server.postJson(json).statusCode());
        Document atom = Xml.parse(server.get("/feed/atom/").body());
        assertTrue(Xml.all(atom, TOMBSTONES, "deleted-entry").isEmpty());
        assertEquals("urn:test:back", Xml.text(Xml.all(atom, Xml.ATOM, "entry").get(0), Xml.ATOM, "id"));
        assertEquals(200, server.get("/api/articles/" + id).statusCode());
    }

    @Test
    void anUpdateKeepsTheEntryIdAndMovesItsUpdatedDate() throws Exception {
        String json = Articles.brief("urn:test:edit", "خبر أول", "تركيا", "سارة المنصوري", "2024-03-02T10:00:00Z");
        post(json);
        Element first = Xml.all(Xml.parse(server.get("/feed/atom/").body()), Xml.ATOM, "entry").get(0);
        assertEquals("2024-03-02T10:00:00Z", Xml.text(first, Xml.ATOM, "updated"));
        server.postJson(json.replace("نص الخبر الكامل", "نص الخبر بعد التصحيح"));
        Element second = Xml.all(Xml.parse(server.get("/feed/atom/").body()), Xml.ATOM, "entry").get(0);
        assertEquals("urn:test:edit", Xml.text(second, Xml.ATOM, "id"));
        assertTrue(Instant.parse(Xml.text(second, Xml.ATOM, "updated")).isAfter(Instant.parse("2024-03-02T10:00:00Z")));
        assertEquals("2024-03-02T10:00:00Z", Xml.text(second, Xml.ATOM, "published"));
        assertTrue(Xml.text(second, Xml.ATOM, "content").contains("نص الخبر بعد التصحيح"));
    }

    @Test
    void aRelatedHeadlinePointingAtAnArticleWeHoldLinksToOurCopy() throws Exception {
        JsonNode held = post("""
            {"guid": "https://old-site.example/?p=12", "title": "باتريوت ضد صواريخ إيران", "content": "<p>تحليل.</p>",
             "categories": ["دفاع جوي"]}
            """);
        post("""
            {"guid": "urn:test:pointer", "title": "خبر يشير إلى آخر", "content": "<p>نص.</p>", "categories": ["مصر"],
             "related": [{"title": "باتريوت ضد صواريخ إيران", "url": "https://old-site.example/?p=12"},
                         {"title": "خبر خارجي", "url": "https://elsewhere.example/story"}]}
            """);
        Document rss = Xml.parse(server.get("/feed/").body());
        Element pointer = Xml.all(rss, null, "item").stream()
                .filter(i -> Xml.text(i, null, "guid").equals("urn:test:pointer")).findFirst().orElseThrow();
        List<Element> related = Xml.children(pointer, Xml.ATOM, "link");
        assertEquals(held.get("link").asText(), related.get(0).getAttribute("href"), "our page, not the old address");
        assertEquals("https://elsewhere.example/story", related.get(1).getAttribute("href"));
    }
}
