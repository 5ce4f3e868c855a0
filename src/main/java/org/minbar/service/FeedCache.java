package org.minbar.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered feeds, kept until the next write. Every write drops them all: a new article can change
 * the related stories of items in feeds it does not itself appear in, and re-rendering a feed
 * whose bytes did not change leaves its ETag, and so aggregators' 304s, as they were. A render
 * that started before a write is never stored after it.
 */
public final class FeedCache {

    private record Entry(long generation, RenderedFeed feed) {}

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public long generation() {
        return generation.get();
    }

    public Optional<RenderedFeed> get(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.generation() == generation.get() ? Optional.of(entry.feed()) : Optional.empty();
    }

    /** Stores a feed rendered from data read at {@code renderedAt}, unless a write has happened since. */
    public void put(String key, RenderedFeed feed, long renderedAt) {
        if (renderedAt == generation.get()) {
            entries.put(key, new Entry(renderedAt, feed));
        }
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
