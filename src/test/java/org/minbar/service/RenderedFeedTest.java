package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class RenderedFeedTest {

    private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>منبر</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aDocumentMakesItsGzipAndItsStrongEtagFromItsBytes() throws IOException {
        AtomicReference<String> askedWith = new AtomicReference<>();
        RenderedFeed feed = RenderedFeed.of("application/rss+xml", FEED, etag -> {
            askedWith.set(etag);
            return Instant.parse("2026-01-01T00:00:00Z");
        }, "https://news.example/feed/", List.of("https://news.example/websub"), List.of("site"));
        try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(feed.gzipped()))) {
            assertArrayEquals(FEED, gunzip.readAllBytes());
        }
        assertEquals(feed.etag(), askedWith.get(), "Last-Modified is looked up by the ETag it goes with");
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), feed.lastModified());
        assertEquals(29, feed.etag().length());
        assertEquals(feed.etag(), RenderedFeed.of("application/rss+xml", FEED.clone(), Instant.EPOCH, "x", List.of(), List.of()).etag(),
                "the same bytes, the same ETag");
        assertNotEquals(feed.etag(), RenderedFeed.of("application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8),
                Instant.EPOCH, "x", List.of(), List.of()).etag());
        assertEquals(List.of("<https://news.example/websub>; rel=\"hub\"", "<https://news.example/feed/>; rel=\"self\""),
                feed.linkHeaders());
    }

    @Test
    void aDeltaCarriesItsOwnBytesUnderTheCurrentDocumentsValidators() {
        RenderedFeed current = RenderedFeed.of("application/atom+xml", FEED, Instant.parse("2026-01-01T00:00:00Z"),
                "https://news.example/feed/atom/", List.of(), List.of("site"));
        byte[] changes = "<feed/>".getBytes(StandardCharsets.UTF_8);
        RenderedFeed delta = RenderedFeed.delta(changes, current);
        assertArrayEquals(changes, delta.body());
        assertEquals(current.etag(), delta.etag(), "RFC 3229: the ETag of the instance the delta brings the client to");
        assertEquals(current.lastModified(), delta.lastModified());
        assertEquals(List.of("site"), delta.surrogateKeys(), "a shared cache files a delta where it files the feed");
    }
}
