package org.minbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.minbar.text.HttpDates;
import org.w3c.dom.Document;

/** What aggregators rely on: validators, 304s, HEAD, gzip and caching headers on every feed. */
class ConditionalGetIT {

    private static final String SY = "http://purl.org/rss/1.0/modules/syndication/";

    @TempDir
    Path storage;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.withSeeds(storage);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    @Test
    void feedsCarryStrongEtagLastModifiedCacheControlAndVary() {
        HttpResponse<byte[]> response = server.get("/feed/atom/");
        assertTrue(header(response, "ETag").matches("\"[A-Za-z0-9_-]+\""), header(response, "ETag"));
        assertTrue(HttpDates.parse(header(response, "Last-Modified")).isPresent());
        assertEquals("public, max-age=120, stale-if-error=86400", header(response, "Cache-Control"));
        assertEquals("Accept-Encoding", header(response, "Vary"));
        assertEquals(header(response, "ETag"), header(server.get("/feed/atom/"), "ETag"), "the same bytes, the same tag");
        assertNotEquals(header(response, "ETag"), header(server.get("/feed/"), "ETag"), "validators are per feed");
    }

    @Test
    void rssRepeatsTheMaxAgeAsItsTtlAndSyndicationHints() {
        for (String feed : List.of("/feed/", "/feed/rdf/")) {
            HttpResponse<byte[]> response = server.get(feed);
            assertEquals("public, max-age=120, stale-if-error=86400", header(response, "Cache-Control"));
            Document rss = Xml.parse(response.body());
            assertEquals("hourly", Xml.all(rss, SY, "updatePeriod").get(0).getTextContent(), feed);
            assertEquals("30", Xml.all(rss, SY, "updateFrequency").get(0).getTextContent(), feed);
        }
        assertEquals("2", Xml.all(Xml.parse(server.get("/feed/").body()), null, "ttl").get(0).getTextContent());
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIs304WithoutBody() {
        String etag = header(server.get("/feed/"), "ETag");
        HttpResponse<byte[]> notModified = server.get("/feed/", "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertEquals(etag, header(notModified, "ETag"));
        assertEquals(304, server.get("/feed/", "If-None-Match", "\"other\", " + etag).statusCode());
        assertEquals(304, server.get("/feed/", "If-None-Match", "W/" + etag).statusCode());
        assertEquals(200, server.get("/feed/", "If-None-Match", "\"stale\"").statusCode());
    }

    @Test
    void ifModifiedSinceMatchesWhenTheFeedIsNotNewerAndIfNoneMatchTakesPrecedence() {
        Instant lastModified = HttpDates.parse(header(server.get("/feed/"), "Last-Modified")).orElseThrow();
        assertEquals(304, server.get("/feed/", "If-Modified-Since", HttpDates.format(lastModified)).statusCode());
        assertEquals(304, server.get("/feed/", "If-Modified-Since", HttpDates.format(lastModified.plusSeconds(3600))).statusCode());
        assertEquals(200, server.get("/feed/", "If-Modified-Since", HttpDates.format(lastModified.minusSeconds(1))).statusCode());
        assertEquals(200, server.get("/feed/", "If-Modified-Since", "not a date").statusCode());
        assertEquals(200, server.get("/feed/", "If-None-Match", "\"stale\"",
                "If-Modified-Since", HttpDates.format(lastModified.plusSeconds(3600))).statusCode());
    }

    @Test
    void aChangeInAFeedGivesNewValidatorsAndOldOnesNoLonger304() {
        HttpResponse<byte[]> before = server.get("/feed/");
        server.postJson(Articles.brief("urn:test:new", "خبر جديد", "سوريا", "نور الدين", "2026-01-01T10:00:00Z"));
        HttpResponse<byte[]> after = server.get("/feed/", "If-None-Match", header(before, "ETag"));
        assertEquals(200, after.statusCode());
        assertNotEquals(header(before, "ETag"), header(after, "ETag"));
        Instant previous = HttpDates.parse(header(before, "Last-Modified")).orElseThrow();
        Instant now = HttpDates.parse(header(after, "Last-Modified")).orElseThrow();
        assertTrue(now.isAfter(previous), previous + " -> " + now);
        assertEquals(200, server.get("/feed/", "If-Modified-Since", header(before, "Last-Modified")).statusCode());
    }

    @Test
    void headAnswersTheSameHeadersWithoutABody() {
        HttpResponse<byte[]> get = server.get("/feed/");
        HttpResponse<byte[]> head = server.head("/feed/");
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        for (String name : new String[] {"ETag", "Last-Modified", "Content-Type", "Content-Length", "Cache-Control"}) {
            assertEquals(header(get, name), header(head, name), name);
        }
    }

    @Test
    void gzipIsServedWhenAskedAndDecompressesToTheSameDocument() throws IOException {
        HttpResponse<byte[]> plain = server.get("/feed/atom/");
        HttpResponse<byte[]> gzipped = server.get("/feed/atom/", "Accept-Encoding", "gzip, deflate");
        assertEquals("gzip", header(gzipped, "Content-Encoding"));
        assertTrue(gzipped.body().length < plain.body().length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertArrayEquals(plain.body(), in.readAllBytes());
        }
        assertNotEquals(header(plain, "ETag"), header(gzipped, "ETag"), "each representation has its own strong tag");
        assertEquals(304, server.get("/feed/atom/", "Accept-Encoding", "gzip", "If-None-Match", header(gzipped, "ETag")).statusCode());
        assertTrue(server.get("/feed/atom/", "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding").isEmpty());
    }
}
