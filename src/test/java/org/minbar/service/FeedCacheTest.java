package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// Covers the feed cache: served until a write, then for at most FRESH_FOR after the render; never after a drop.
class FeedCacheTest {

    private static RenderedFeed feed(String body) {
        return new RenderedFeed("application/rss+xml", body.getBytes(), body.getBytes(), "\"" + body + "\"", Instant.EPOCH,
                "https://news.example/feed/", List.of());
    }

    @Test
    void aFeedIsServedUntilAWriteAndThenOnlyWhileItIsYoungerThanTheAllowance() throws Exception {
        FeedCache cache = new FeedCache();
        FeedCache.Stamp rendered = cache.stamp();
        cache.put("site", feed("a"), rendered);
        assertEquals("\"a\"", cache.get("site").orElseThrow().etag());
        cache.written();
        boolean served = cache.get("site").isPresent();
        if (System.nanoTime() - rendered.nanos() < FeedCache.FRESH_FOR.toNanos()) { // not when this thread was held up
            assertTrue(served, "rendered just now: still served");
        }
        Thread.sleep(FeedCache.FRESH_FOR.toMillis() + 20);
        assertEquals(Optional.empty(), cache.get("site"), "older than the allowance and written since: rendered again");
        Thread.sleep(FeedCache.FRESH_FOR.toMillis() + 20);
        cache.put("site", feed("b"), cache.stamp());
        Thread.sleep(FeedCache.FRESH_FOR.toMillis() + 20);
        assertEquals("\"b\"", cache.get("site").orElseThrow().etag(), "no write since it was rendered: served however old");
    }

    @Test
    void aDropRemovesEveryFeedAndARenderThatStartedBeforeItIsNotStored() {
        FeedCache cache = new FeedCache();
        cache.put("site", feed("a"), cache.stamp());
        FeedCache.Stamp before = cache.stamp();
        cache.invalidateAll();
        assertEquals(Optional.empty(), cache.get("site"));
        cache.put("site", feed("b"), before);
        assertEquals(Optional.empty(), cache.get("site"), "read before the drop: never stored");
    }

    @Test
    void anOlderRenderNeverReplacesANewerOne() {
        FeedCache cache = new FeedCache();
        FeedCache.Stamp older = cache.stamp();
        cache.written();
        cache.put("site", feed("new"), cache.stamp());
        cache.put("site", feed("old"), older);
        assertEquals("\"new\"", cache.get("site").orElseThrow().etag());
    }
}
