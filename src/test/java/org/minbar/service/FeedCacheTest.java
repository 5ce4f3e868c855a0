package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;

// Covers the feed cache: served until a write, then for at most FRESH_FOR after the render; never after a drop.
class FeedCacheTest {

    private static final DocumentKey SITE = new DocumentKey(FeedKey.site(), FeedFormat.RSS, FeedDocument.CURRENT);

    private static RenderedFeed feed(String body) {
        return RenderedFeed.of("application/rss+xml", body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH,
                "https://news.example/feed/", List.of(), List.of("site"));
    }

    private static String etagOf(String body) {
        return RenderedFeed.etagOf(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFeedIsServedUntilAWriteAndThenOnlyWhileItIsYoungerThanTheAllowance() throws Exception {
        FeedCache cache = new FeedCache();
        FeedCache.Stamp rendered = cache.stamp();
        cache.put(SITE, feed("a"), rendered);
        assertEquals(etagOf("a"), cache.get(SITE).orElseThrow().etag());
        cache.written();
        boolean served = cache.get(SITE).isPresent();
        if (System.nanoTime() - rendered.nanos() < FeedCache.FRESH_FOR.toNanos()) { // not when this thread was held up
            assertTrue(served, "rendered just now: still served");
        }
        Thread.sleep(FeedCache.FRESH_FOR.toMillis() + 20);
        assertEquals(Optional.empty(), cache.get(SITE), "older than the allowance and written since: rendered again");
        Thread.sleep(FeedCache.FRESH_FOR.toMillis() + 20);
        cache.put(SITE, feed("b"), cache.stamp());
        Thread.sleep(FeedCache.FRESH_FOR.toMillis() + 20);
        assertEquals(etagOf("b"), cache.get(SITE).orElseThrow().etag(), "no write since it was rendered: served however old");
    }

    @Test
    void aDropRemovesEveryFeedAndARenderThatStartedBeforeItIsNotStored() {
        FeedCache cache = new FeedCache();
        cache.put(SITE, feed("a"), cache.stamp());
        FeedCache.Stamp before = cache.stamp();
        cache.invalidateAll();
        assertEquals(Optional.empty(), cache.get(SITE));
        cache.put(SITE, feed("b"), before);
        assertEquals(Optional.empty(), cache.get(SITE), "read before the drop: never stored");
    }

    @Test
    void anOlderRenderNeverReplacesANewerOne() {
        FeedCache cache = new FeedCache();
        FeedCache.Stamp older = cache.stamp();
        cache.written();
        cache.put(SITE, feed("new"), cache.stamp());
        cache.put(SITE, feed("old"), older);
        assertEquals(etagOf("new"), cache.get(SITE).orElseThrow().etag());
    }
}
