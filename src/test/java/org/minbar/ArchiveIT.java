package org.minbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.AtomSchema;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * RFC 5005 archived feeds over HTTP: from a feed's current document a reader walks prev-archive
 * links back to the first article ever published, and each archive keeps its entries for good.
 * The feeds hold 20 items a page (feeds/site.json), so every 20 articles past 40 make an archive.
 */
class ArchiveIT {

    private static final String HISTORY = "http://purl.org/syndication/history/1.0";
    private static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";
    private static final String EGYPT = "/category/%D9%85%D8%B5%D8%B1";

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

    /** Articles from..to, each an hour after the one before, all in مصر by نور الدين. */
    private List<Long> publish(int from, int to) {
        List<Long> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            HttpResponse<byte[]> response = server.postJson(Articles.brief("urn:test:history-" + i, "خبر رقم " + i, "مصر",
                    "نور الدين", String.format(Locale.ROOT, "2024-03-%02dT%02d:00:00Z", 1 + i / 24, i % 24)));
            assertEquals(201, response.statusCode(), TestServer.text(response));
            ids.add(id(response));
        }
        return ids;
    }

    private static long id(HttpResponse<byte[]> response) {
        try {
            return new ObjectMapper().readTree(response.body()).get("id").asLong();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Element channelOf(Document document) {
        Element root = document.getDocumentElement();
        return root.getLocalName().equals("rss") ? Xml.child(root, null, "channel") : root;
    }

    private static Optional<String> link(Document document, String rel) {
        return Xml.children(channelOf(document), Xml.ATOM, "link").stream().filter(l -> l.getAttribute("rel").equals(rel))
                .map(l -> l.getAttribute("href")).findFirst();
    }

    private static List<String> ids(Document document) {
        Element root = document.getDocumentElement();
        if (root.getLocalName().equals("rss")) {
            return Xml.all(document, null, "guid").stream().map(Element::getTextContent).toList();
        }
        return Xml.children(root, Xml.ATOM, "entry").stream().map(e -> Xml.text(e, Xml.ATOM, "id")).toList();
    }

    private byte[] fetch(String url) {
        HttpResponse<byte[]> response = server.get(url);
        assertEquals(200, response.statusCode(), url + ": " + TestServer.text(response));
        if (url.contains("/atom/")) {
            AtomSchema.validate(response.body());
        }
        return response.body();
    }

    @Test
    void walkingPrevArchiveFromTheFeedReachesEveryArticleOnceBackToTheFirstOne() {
        publish(1, 65);
        for (String feed : List.of("/feed/", "/feed/atom/", EGYPT + "/feed/", EGYPT + "/feed/atom/")) {
            String current = server.base() + feed;
            Document document = Xml.parse(fetch(current));
            List<String> seen = new ArrayList<>(ids(document));
            assertEquals(25, seen.size(), "the current document holds what is not archived: " + feed);
            assertTrue(Xml.children(channelOf(document), HISTORY, "archive").isEmpty(), "the current document is no archive");
            List<String> archives = new ArrayList<>();
            Optional<String> previous = link(document, "prev-archive");
            while (previous.isPresent()) {
                String url = previous.get();
                HttpResponse<byte[]> response = server.get(url);
                assertTrue(response.headers().firstValue("Cache-Control").orElseThrow().contains("max-age=2592000"), url);
                Document archive = Xml.parse(fetch(url));
                assertEquals(1, Xml.children(channelOf(archive), HISTORY, "archive").size(), "fh:archive marks " + url);
                assertEquals(url, link(archive, "self").orElseThrow());
                assertEquals(current, link(archive, "current").orElseThrow());
                assertEquals(20, ids(archive).size(), url);
                seen.addAll(ids(archive));
                archives.add(url);
                previous = link(archive, "prev-archive");
            }
            assertEquals(List.of(current + "archive/2/", current + "archive/1/"), archives, feed);
            assertEquals(65, seen.size(), feed);
            assertEquals(65, new HashSet<>(seen).size(), "no article twice: " + feed);
            assertEquals("urn:test:history-1", seen.get(seen.size() - 1), "the walk ends at the first article: " + feed);
            Document oldest = Xml.parse(fetch(current + "archive/1/"));
            assertEquals(current + "archive/2/", link(oldest, "next-archive").orElseThrow());
            assertEquals(current + "archive/3/", link(Xml.parse(fetch(current + "archive/2/")), "next-archive").orElseThrow(),
                    "the newest archive names the next before it is made");
            HttpResponse<byte[]> notYet = server.get(current + "archive/3/");
            assertEquals(302, notYet.statusCode(), "until then its entries are in the current document");
            assertEquals(URI.create(current).getRawPath(), notYet.headers().firstValue("Location").orElseThrow());
        }
    }

    @Test
    void anArchiveKeepsItsEntriesWhenNewerArticlesArrive() {
        publish(1, 45);
        String url = "/feed/atom/archive/1/";
        HttpResponse<byte[]> before = server.get(url);
        String etag = before.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, server.get(url, "If-None-Match", etag).statusCode());
        List<String> entries = ids(Xml.parse(before.body()));
        assertEquals("urn:test:history-20", entries.get(0), "an archive lists its newest entry first");
        assertEquals(server.base() + url.replace("/1/", "/2/"), link(Xml.parse(before.body()), "next-archive").orElseThrow(),
                "a lone archive names the next before it is made (so the validator finds it complete)");
        publish(46, 65);
        HttpResponse<byte[]> after = server.get(url);
        assertEquals(entries, ids(Xml.parse(after.body())), "archive 1 holds the same entries");
        assertArrayEquals(before.body(), after.body(), "and the same bytes, now that the archive it names exists");
        assertEquals(etag, after.headers().firstValue("ETag").orElseThrow());
        assertEquals(server.base() + "/feed/atom/archive/2/",
                link(Xml.parse(fetch("/feed/atom/")), "prev-archive").orElseThrow());
        List<String> second = ids(Xml.parse(fetch("/feed/atom/archive/2/")));
        assertEquals("urn:test:history-40", second.get(0));
        assertEquals("urn:test:history-21", second.get(19));
    }

    /**
     * Issue 12: an archive's bytes changed after one unrelated publish, its old entries' related
     * links recomputed. Archives carry no related stories, so nothing but their own articles moves them.
     */
    @Test
    void anArchiveKeepsItsBytesWhenAnArticleLikeItsEntriesIsPublishedElsewhere() {
        publish(1, 45);
        server.derived(null);
        for (String url : List.of("/feed/atom/archive/1/", "/feed/archive/1/", EGYPT + "/feed/atom/archive/1/")) {
            HttpResponse<byte[]> before = server.get(url);
            assertEquals(200, before.statusCode(), url);
            assertEquals(0, Xml.all(Xml.parse(before.body()), Xml.ATOM, "link").stream()
                    .filter(l -> l.getAttribute("rel").equals("related")).count(), url + " carries no related links");
        }
        Map<String, byte[]> before = new java.util.LinkedHashMap<>();
        for (String url : List.of("/feed/atom/archive/1/", "/feed/archive/1/", EGYPT + "/feed/atom/archive/1/")) {
            before.put(url, server.get(url).body());
        }
        HttpResponse<byte[]> similar = server.postJson(Articles.brief("urn:test:elsewhere", "خبر رقم 7", "ليبيا",
                "سارة المنصوري", "2024-03-03T07:30:00Z"));
        assertEquals(201, similar.statusCode(), TestServer.text(similar));
        server.derived(null);
        for (Map.Entry<String, byte[]> entry : before.entrySet()) {
            HttpResponse<byte[]> after = server.get(entry.getKey());
            assertEquals(new String(entry.getValue(), java.nio.charset.StandardCharsets.UTF_8),
                    new String(after.body(), java.nio.charset.StandardCharsets.UTF_8), entry.getKey() + " byte for byte");
        }
    }

    @Test
    void anArchivedArticleThatIsDeletedIsATombstoneInItsArchive() {
        List<Long> ids = publish(1, 45);
        assertEquals(204, server.delete("/api/articles/" + ids.get(4)).statusCode());
        Document atom = Xml.parse(fetch("/feed/atom/archive/1/"));
        assertEquals(19, ids(atom).size());
        assertFalse(ids(atom).contains("urn:test:history-5"));
        List<Element> tombstones = Xml.children(atom.getDocumentElement(), TOMBSTONES, "deleted-entry");
        assertEquals(1, tombstones.size());
        assertEquals("urn:test:history-5", tombstones.get(0).getAttribute("ref"));
        List<String> rss = ids(Xml.parse(fetch("/feed/archive/1/")));
        assertEquals(19, rss.size());
        assertFalse(rss.contains("urn:test:history-5"));
    }

    @Test
    void anOldArticleJoiningAnArchivedFeedAppearsInItsCurrentDocument() {
        HttpResponse<byte[]> old = server.postJson(Articles.brief("urn:test:old", "خبر قديم عن ليبيا", "ليبيا", "نور الدين",
                "2020-01-01T08:00:00Z"));
        publish(1, 45);
        assertFalse(ids(Xml.parse(fetch(EGYPT + "/feed/atom/"))).contains("urn:test:old"));
        HttpResponse<byte[]> moved = server.putJson("/api/articles/" + id(old), """
                {"guid": "urn:test:old", "title": "خبر قديم عن ليبيا", "content": "<p>نص الخبر.</p>",
                 "author": {"name": "نور الدين"}, "categories": ["ليبيا", "مصر"], "published": "2020-01-01T08:00:00Z"}
                """);
        assertEquals(200, moved.statusCode(), TestServer.text(moved));
        List<String> current = ids(Xml.parse(fetch(EGYPT + "/feed/atom/")));
        assertTrue(current.contains("urn:test:old"), "a late joiner is in the current document, so subscribers see it");
        assertEquals("urn:test:old", current.get(current.size() - 1), "and it sorts by its publication date");
        assertFalse(ids(Xml.parse(fetch(EGYPT + "/feed/atom/archive/1/"))).contains("urn:test:old"));
    }

    @Test
    void anArchivePastTheLastIs404AndAMalformedNumberIs400() {
        publish(1, 41);
        assertEquals(200, server.get("/feed/archive/1/").statusCode());
        assertEquals(302, server.get("/feed/archive/2/").statusCode(), "the next archive, named but not made yet");
        HttpResponse<byte[]> past = server.get("/feed/archive/3/");
        assertEquals(404, past.statusCode());
        assertTrue(TestServer.text(past).contains("this feed has 1 archive, not 3"), TestServer.text(past));
        for (String bad : List.of("abc", "0", "-1", "1.5", "99999999999999")) {
            HttpResponse<byte[]> response = server.get("/feed/atom/archive/" + bad + "/");
            assertEquals(400, response.statusCode(), bad);
            assertTrue(TestServer.text(response).contains("archive must be a whole number from 1"), bad);
        }
        assertEquals(404, server.get("/category/%D9%84%D9%8A%D8%A8%D9%8A%D8%A7/feed/archive/1/").statusCode(),
                "an unknown category has no archives");
        assertEquals(404, server.get("/feed/json/archive/1/").statusCode(), "archives are Atom and RSS only");
    }
}
