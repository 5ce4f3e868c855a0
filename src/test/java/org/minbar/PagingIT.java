package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.AtomSchema;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Feeds page back through the whole history with ?paged=N and RFC 5005 paging links. */
class PagingIT {

    private static final int ARTICLES = 85;

    @TempDir
    static Path storage;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(storage);
        for (int i = 1; i <= ARTICLES; i++) {
            server.postJson(Articles.brief("urn:test:page-" + i, "خبر رقم " + i, i % 2 == 0 ? "سوريا" : "مصر", "نور الدين",
                    String.format(Locale.ROOT, "2024-03-%02dT%02d:00:00Z", 1 + i / 24, i % 24)));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Optional<String> link(Document document, String rel) {
        Element root = document.getDocumentElement();
        Element parent = root.getLocalName().equals("rss") ? Xml.child(root, null, "channel") : root;
        return Xml.children(parent, Xml.ATOM, "link").stream().filter(l -> l.getAttribute("rel").equals(rel))
                .map(l -> l.getAttribute("href")).findFirst();
    }

    @Test
    void followingNextFromTheFirstPageReachesEveryArticleOnceNewestFirst() {
        for (String path : List.of("/feed/", "/feed/atom/")) {
            List<String> ids = new ArrayList<>();
            Optional<String> next = Optional.of(server.base() + path);
            int pages = 0;
            while (next.isPresent()) {
                byte[] body = server.get(next.get()).body();
                Document page = Xml.parse(body);
                if (path.contains("atom")) {
                    AtomSchema.validate(body);
                    Xml.children(page.getDocumentElement(), Xml.ATOM, "entry").forEach(e -> ids.add(Xml.text(e, Xml.ATOM, "id")));
                } else {
                    Xml.all(page, null, "guid").forEach(g -> ids.add(g.getTextContent()));
                }
                assertEquals(next.get(), link(page, "self").orElseThrow(), "each page names itself");
                next = link(page, "next");
                pages++;
            }
            assertEquals(4, pages, path);
            assertEquals(ARTICLES, ids.size(), path);
            Set<String> unique = new LinkedHashSet<>(ids);
            assertEquals(ARTICLES, unique.size(), "no article twice: " + path);
            assertEquals("urn:test:page-" + ARTICLES, ids.get(0));
            assertEquals("urn:test:page-1", ids.get(ARTICLES - 1));
        }
    }

    @Test
    void pagesLinkToFirstPreviousNextAndLast() {
        Document first = Xml.parse(server.get("/feed/").body());
        assertEquals(server.base() + "/feed/", link(first, "first").orElseThrow());
        assertEquals(25, Xml.all(first, null, "item").size(), "page 1 is the current document: all not yet archived");
        assertEquals(server.base() + "/feed/?paged=4", link(first, "last").orElseThrow());
        assertFalse(link(first, "previous").isPresent());
        Document second = Xml.parse(server.get("/feed/?paged=2").body());
        assertEquals(server.base() + "/feed/", link(second, "previous").orElseThrow());
        assertEquals(server.base() + "/feed/?paged=3", link(second, "next").orElseThrow());
        Document last = Xml.parse(server.get("/feed/?paged=4").body());
        assertEquals(20, Xml.all(last, null, "item").size());
        assertFalse(link(last, "next").isPresent());
        String etag = server.get("/feed/?paged=2").headers().firstValue("ETag").orElseThrow();
        assertEquals(304, server.get("/feed/?paged=2", "If-None-Match", etag).statusCode());
        assertTrue(TestServer.text(server.get("/feed/json/")).contains("\"next_url\" : \"" + server.base() + "/feed/json/?paged=2\""));
    }

    @Test
    void aPagePastTheEndIs404AndAMalformedPageIs400() {
        var past = server.get("/feed/?paged=5");
        assertEquals(404, past.statusCode());
        assertTrue(TestServer.text(past).contains("this feed has 4 pages, not 5"));
        for (String bad : List.of("abc", "0", "-1", "1.5", "99999999999999")) {
            var response = server.get("/feed/?paged=" + bad);
            assertEquals(400, response.statusCode(), bad);
            assertTrue(TestServer.text(response).contains("paged must be a whole number from 1"), bad);
        }
        assertEquals(200, server.get("/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/?paged=2").statusCode());
        assertEquals(404, server.get("/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/?paged=3").statusCode());
    }
}
