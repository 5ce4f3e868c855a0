package org.minbar.service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rendered feeds, kept until the data under them changes, with one allowance: after an article's
 * write commits, a feed rendered less than {@link #FRESH_FOR} before may still be served (a
 * micro-cache). So a new article is in every feed within that time of its answer, on an idle
 * server at once, while a burst of writes no longer makes every read render its feed again.
 * When derived data is stored (related stories), every rendered feed is dropped outright:
 * a new article can change the related stories of items in feeds it does not itself appear in.
 * A render that started before such a drop is never stored after it; re-rendering a feed whose
 * bytes did not change leaves its ETag, and so aggregators' 304s, as they were.
 */
public final class FeedCache {

    /** The longest a feed is served after a write that may change it. */
    public static final Duration FRESH_FOR = Duration.ofMillis(100);

    /** When a render read its data: the drop and write counts then, and the time. */
    public record Stamp(long dropped, long written, long nanos) {}

    private record Entry(Stamp stamp, RenderedFeed feed) {}

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Map<DocumentKey, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** Taken before a render reads its data. */
    public Stamp stamp() {
        return new Stamp(dropped.get(), written.get(), System.nanoTime());
    }

    public Optional<RenderedFeed> get(DocumentKey key) {
        Entry entry = entries.get(key);
        if (entry == null || entry.stamp().dropped() != dropped.get()) {
            return Optional.empty();
        }
        boolean current = entry.stamp().written() == written.get()
                || System.nanoTime() - entry.stamp().nanos() < FRESH_FOR.toNanos();
        if (!current) {
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.feed());
    }

    /** Documents served from the cache so far. */
    public long hits() {
        return hits.sum();
    }

    /** Documents rendered because the cache had no current one, so far. */
    public long misses() {
        return misses.sum();
    }

    /** A document was not in the cache and has been rendered. */
    public void missed() {
        misses.increment();
    }

    /** Stores a feed rendered from data read at {@code readAt}, unless everything was dropped since, or a newer render is stored. */
    public void put(DocumentKey key, RenderedFeed feed, Stamp readAt) {
        if (readAt.dropped() != dropped.get()) {
            return;
        }
        entries.merge(key, new Entry(readAt, feed),
                (old, fresh) -> fresh.stamp().nanos() - old.stamp().nanos() >= 0 ? fresh : old);
    }

    /** An article's write committed: feeds rendered before it are served for at most {@link #FRESH_FOR} more. */
    public void written() {
        written.incrementAndGet();
    }

    /** Derived data changed: no feed rendered before this is served again. */
    public void invalidateAll() {
        dropped.incrementAndGet();
        entries.clear();
    }
}
