package org.minbar.service;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.minbar.model.SurrogateKeys;
import org.minbar.storage.ChangeLog;
import org.minbar.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the change log behind {@link Derivation} and has every shared cache drop the documents
 * each change shows (its feeds' and its article's {@link SurrogateKeys}), on a thread of its own.
 * It purges only what derivation has taken in (its mark, "derived"), so a cache never refetches a
 * document before its related stories and feeds show the change. Its own mark ("purged" in
 * change_marks) moves only once every cache took a batch's purges: a cache that fails or cannot be
 * reached is tried again with the same batch, waiting longer each time (up to a minute), and a
 * restart resumes from the mark, so no purge is lost; one may be sent twice, which drops nothing
 * more. Publishing never waits for it.
 */
public final class CachePurger implements AutoCloseable {

    /** The purger's name in change_marks. */
    static final String FOLLOWER = "purged";
    /** The most changes purged together. */
    static final int BATCH = 500;
    /** The longest xkey-purge header sent: Varnish takes request headers of up to 8 KB by default. */
    static final int MOST_HEADER_CHARS = 4000;
    private static final Duration LOOK_EVERY = Duration.ofMillis(20);
    private static final Logger LOG = LoggerFactory.getLogger(CachePurger.class);

    private final Database database;
    private final LongSupplier derivedUpTo;
    /** This node's name for the purger's mark. */
    private final String follower;
    private final List<URI> caches;
    private final CacheClient client;
    private final Duration firstRetry;
    private final Duration lastRetry;
    private final ChangeLog changes = new ChangeLog();
    private final AtomicLong purges = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private volatile long mark;
    private volatile boolean closed;

    CachePurger(Database database, LongSupplier derivedUpTo, List<URI> caches, CacheClient client, Duration firstRetry,
                Duration lastRetry) {
        this(database, derivedUpTo, Node.alone(), caches, client, firstRetry, lastRetry);
    }

    /**
     * Beside other nodes, each node purges what it derived, under its own mark: a document is purged
     * once more after the slowest node has the change, so no node can refill the cache with what it
     * rendered before it. A purge is idempotent; the cost is one request a node a change.
     */
    CachePurger(Database database, LongSupplier derivedUpTo, Node node, List<URI> caches, CacheClient client,
                Duration firstRetry, Duration lastRetry) {
        if (caches.isEmpty()) {
            throw new IllegalArgumentException("a purger needs at least one cache to purge");
        }
        this.database = database;
        this.derivedUpTo = derivedUpTo;
        this.caches = List.copyOf(caches);
        this.client = client;
        this.firstRetry = firstRetry;
        this.lastRetry = lastRetry;
        // A store that never purged starts where derivation is: its caches were never told of older changes.
        this.follower = node.follower(FOLLOWER);
        this.mark = database.write(connection -> changes.markOrStart(connection, follower, derivedUpTo.getAsLong()));
        this.thread = new Thread(this::run, "minbar-cache-purger");
        thread.setDaemon(true);
    }

    /** Purges these caches behind {@code derivation}, retrying after 1 s, doubling up to 60 s. */
    public static CachePurger of(Database database, Derivation derivation, Node node, List<URI> caches) {
        return new CachePurger(database, derivation::derivedUpTo, node, caches, new CacheClient(), Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }

    public void start() {
        thread.start();
    }

    /** The last change-log position whose purges every cache has taken. */
    public long purgedUpTo() {
        return mark;
    }

    /** PURGE requests every cache answered with a 2xx, so far. */
    public long purges() {
        return purges.get();
    }

    /** PURGE requests that failed (another status, a timeout, no connection), so far; each is tried again. */
    public long failures() {
        return failures.get();
    }

    private void run() {
        Duration wait = firstRetry;
        while (!closed) {
            try {
                if (purgeNextBatch()) {
                    wait = firstRetry;
                } else {
                    Thread.sleep(LOOK_EVERY.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (CacheClient.PurgeFailedException | RuntimeException e) {
                if (closed) {
                    return;
                }
                failures.incrementAndGet();
                LOG.warn("purging the caches after change-log position {} failed; trying again in {} s: {}", mark,
                        wait.toSeconds(), e.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(lastRetry) > 0 ? lastRetry : wait.multipliedBy(2);
            }
        }
    }

    /** Purges the next derived batch after the mark from every cache and moves the mark; false when there was none. */
    private boolean purgeNextBatch() throws CacheClient.PurgeFailedException {
        long from = mark;
        long derived = derivedUpTo.getAsLong();
        if (derived <= from) {
            return false;
        }
        int limit = (int) Math.min(BATCH, derived - from);
        List<ChangeLog.Change> batch = database.read(connection -> changes.after(connection, from, limit)).stream()
                .filter(change -> change.seq() <= derived).toList();
        if (batch.isEmpty()) {
            return false;
        }
        Set<String> keys = new LinkedHashSet<>();
        batch.forEach(change -> keys.addAll(SurrogateKeys.ofChange(change.articleId(), change.feeds())));
        for (URI cache : caches) {
            for (List<String> group : groups(keys)) {
                client.purge(cache, group);
                purges.incrementAndGet();
            }
        }
        long last = batch.get(batch.size() - 1).seq();
        database.write(connection -> {
            changes.setMark(connection, follower, last);
            return null;
        });
        mark = last;
        return true;
    }

    /** The keys in groups whose header stays under {@link #MOST_HEADER_CHARS}. */
    static List<List<String>> groups(Set<String> keys) {
        List<List<String>> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        int length = 0;
        for (String key : keys) {
            if (!group.isEmpty() && length + 1 + key.length() > MOST_HEADER_CHARS) {
                groups.add(group);
                group = new ArrayList<>();
                length = 0;
            }
            length += (group.isEmpty() ? 0 : 1) + key.length();
            group.add(key);
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
