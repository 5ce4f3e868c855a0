package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.AtomSchema;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;

/** RFC 3229 with A-IM: feed: an aggregator that names the version it holds gets only what changed since. */
class DeltaIT {

    @TempDir
    Path storage;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(storage);
        for (int i = 1; i <= 3; i++) {
            server.postJson(Articles.brief("urn:test:old-" + i, "خبر قديم " + i, "سوريا", "نور الدين", "2024-03-0" + i + "T10:00:00Z"));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String etag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static List<String> ids(HttpResponse<byte[]> atom) {
        return Xml.children(Xml.parse(atom.body()).getDocumentElement(), Xml.ATOM, "entry").stream()
                .map(e -> Xml.text(e, Xml.ATOM, "id")).toList();
    }

    @Test
    void aDeltaRequestGetsOnlyTheNewEntriesWith226AndTheCurrentEtag() throws Exception {
        String held = etag(server.get("/feed/atom/"));
        long gone = new ObjectMapper().readTree(server.postJson(Articles.brief("urn:test:gone", "خبر يحذف", "سوريا", "نور الدين",
                "2024-03-05T10:00:00Z")).body()).get("id").asLong();
        Thread.sleep(5); // a later millisecond than the version held
        server.postJson(Articles.brief("urn:test:new-1", "خبر جديد 1", "سوريا", "نور الدين", "2024-03-06T10:00:00Z"));
        server.postJson(Articles.brief("urn:test:new-2", "خبر جديد 2", "مصر", "نور الدين", "2024-03-07T10:00:00Z"));
        server.delete("/api/articles/" + gone);
        HttpResponse<byte[]> full = server.get("/feed/atom/");

        HttpResponse<byte[]> delta = server.get("/feed/atom/", "A-IM", "feed", "If-None-Match", held);
        assertEquals(226, delta.statusCode());
        assertEquals("feed", delta.headers().firstValue("IM").orElseThrow());
        assertEquals(etag(full), etag(delta), "the ETag of the version the client now has");
        assertEquals(List.of("urn:test:new-2", "urn:test:new-1"), ids(delta));
        assertEquals(1, Xml.all(Xml.parse(delta.body()), "http://purl.org/atompub/tombstones/1.0", "deleted-entry").size(),
                "the deletion since then, as a tombstone");
        AtomSchema.validate(delta.body());
        assertEquals(5, ids(full).size());

        assertEquals(304, server.get("/feed/atom/", "A-IM", "feed", "If-None-Match", etag(full)).statusCode());
        assertEquals(200, server.get("/feed/atom/", "A-IM", "feed", "If-None-Match", "\"unknown\"").statusCode(),
                "a version too old to answer from gets the whole feed");
        HttpResponse<byte[]> plain = server.get("/feed/atom/", "If-None-Match", held);
        assertEquals(200, plain.statusCode(), "a client without A-IM is unaffected");
        assertEquals(5, ids(plain).size());
    }

    @Test
    void deltasWorkForRssAndForTheGzipVersionOfTheTag() throws Exception {
        String heldGzip = etag(server.get("/feed/", "Accept-Encoding", "gzip"));
        Thread.sleep(5);
        server.postJson(Articles.brief("urn:test:new-1", "خبر جديد 1", "سوريا", "نور الدين", "2024-03-06T10:00:00Z"));
        HttpResponse<byte[]> delta = server.get("/feed/", "A-IM", "feed", "If-None-Match", heldGzip);
        assertEquals(226, delta.statusCode());
        assertEquals(List.of("urn:test:new-1"), Xml.all(Xml.parse(delta.body()), null, "guid").stream().map(g -> g.getTextContent()).toList());
        assertTrue(delta.headers().firstValue("Vary").orElseThrow().contains("A-IM"));
    }
}
