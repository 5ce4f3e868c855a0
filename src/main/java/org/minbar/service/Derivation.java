package org.minbar.service;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.minbar.model.FeedKey;
import org.minbar.related.ArticleIndex;
import org.minbar.storage.ChangeLog;
import org.minbar.storage.Database;
import org.minbar.storage.RelatedStore;
import org.minbar.websub.Doorbell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the change log and derives everything that is not the article itself, a batch of
 * changes at a time, on one background thread. The moment a change commits, before its writer is
 * answered, cached feeds are given at most {@link FeedCache#FRESH_FOR} more (the article is in
 * its feeds already); the search index and related stories then take the batch in, and one
 * transaction stores the lists and stale marks, queues the WebSub pushes of every feed the batch
 * touched and moves the follower's mark; after it, cached feeds are dropped again (now with the
 * related stories) and the hub is woken. A crash before that transaction leaves the mark where it
 * was, so the batch is derived again at the next start: indexing and lists are the same again,
 * and pushes are queued once. On an idle server a batch is one change, derived at once; once the
 * log is taken in, stale lists are computed again.
 */
public final class Derivation implements AutoCloseable {

    /**
     * The follower's name in change_marks: how far the related lists and the WebSub pushes, stored
     * in the database, have been derived. A node beside others also keeps its own mark ({@link Node}).
     */
    static final String FOLLOWER = "derived";
    /** The most changes derived together: a burst is taken in at this size. */
    static final int BATCH = 500;
    private static final Duration IDLE = Duration.ofSeconds(30);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(2);
    private static final int STALE_PER_PASS = 50;
    /** The longest rest after a batch while publishers write (see {@link #yieldToPublishers}). */
    private static final Duration MOST_REST = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(Derivation.class);

    private final Database database;
    private final RelatedIndexing related;
    private final FeedCache cache;
    private final HubOutbox hub;
    private final Consumer<String> progress;
    /** This node's follower name: {@link #FOLLOWER} when it is alone. */
    private final String follower;
    private final ChangeLog changes = new ChangeLog();
    private final RelatedStore lists = new RelatedStore();
    private final Doorbell bell = new Doorbell();
    private final Thread thread;
    private volatile long mark;
    /** Whether the index has been brought up to the mark since it was (re)opened. */
    private volatile boolean prepared;
    private volatile long lastChange = System.nanoTime();
    private volatile boolean closed;

    private Derivation(Database database, RelatedIndexing related, FeedCache cache, HubOutbox hub, Consumer<String> progress,
                       Node node) {
        this.database = database;
        this.follower = node.follower(FOLLOWER);
        this.related = related;
        this.cache = cache;
        this.hub = hub;
        this.progress = progress;
        this.mark = database.read(connection -> changes.mark(connection, follower));
        this.thread = related == null ? null : new Thread(this::run, "minbar-derivation");
        if (thread != null) {
            thread.setDaemon(true);
        }
    }

    /** Derives from the log on its own thread once {@link #start()}ed: the server, and an import that holds the index. */
    public static Derivation following(Database database, ArticleIndex index, java.time.Clock clock, FeedCache cache,
                                       HubOutbox hub, Consumer<String> progress) {
        return following(database, index, clock, cache, hub, progress, Node.alone());
    }

    /**
     * As the other, for a node beside others on a shared store: it takes every change into its own
     * index and feeds, while the lists and pushes of a change are stored by whichever node derives it first.
     */
    public static Derivation following(Database database, ArticleIndex index, java.time.Clock clock, FeedCache cache,
                                       HubOutbox hub, Consumer<String> progress, Node node) {
        return new Derivation(database, new RelatedIndexing(database, index, clock), cache, hub, progress, node);
    }

    /** Derives nothing: for an import beside a running server, which holds the index and follows the log itself. */
    public static Derivation leftToTheServer(Database database) {
        return new Derivation(database, null, new FeedCache(), null, message -> { }, Node.alone());
    }

    /** As {@link #leftToTheServer(Database)}, telling {@code progress} so when asked to catch up. */
    public static Derivation leftToTheServer(Database database, Consumer<String> progress) {
        return new Derivation(database, null, new FeedCache(), null, progress, Node.alone());
    }

    /** Begins following in the background: first brings the index up to date (rebuilding it if need be). */
    public void start() {
        if (thread != null) {
            thread.start();
        }
    }

    /**
     * A change was committed, or may have been by another process: cached feeds, which may no
     * longer show every article they hold, are served for at most {@link FeedCache#FRESH_FOR}
     * more; and look at the log now.
     */
    public void changed() {
        lastChange = System.nanoTime();
        cache.written();
        bell.ring();
    }

    /**
     * Whether the article has a change the index, related stories and pushes have not yet taken
     * in, or a related list due to be computed again (a newer article may belong in it).
     */
    public boolean isPending(long articleId) {
        long derived = derivedUpTo();
        return database.read(connection -> changes.changedAfter(connection, articleId, derived)
                || lists.isStale(connection, articleId));
    }

    /**
     * Waits until everything logged when this is called has been derived and no related list is
     * stale, or the time is up; returns whether it was. For tests and tools that must see a write
     * wholly done.
     */
    public boolean awaitDerived(Duration longest) throws InterruptedException {
        long target = database.read(changes::latest);
        long deadline = System.nanoTime() + longest.toNanos();
        while (mark < target || !database.read(connection -> lists.stale(connection, 1)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /**
     * Whether the search index is open, writable and has taken in the log as far as the mark: false
     * while it is rebuilt at start or after a fault, when searches and related stories lag behind.
     */
    public boolean isIndexReady() {
        return thread == null || (prepared && related.indexUsable());
    }

    /** Whether the search index cannot be written now (after a fault of the disk, until it is opened again). */
    public boolean isIndexBroken() {
        return thread != null && !related.indexUsable();
    }

    /** The count of related lists stored as of this node's last store (0 for an import that derives nothing). */
    public long listsStoredHere() {
        return related == null ? 0 : related.listsStoredHere();
    }

    /** The last change-log position derived (indexed, related, pushes queued). */
    public long derivedUpTo() {
        return thread == null ? database.read(connection -> changes.mark(connection, follower)) : mark;
    }

    /** Derives on the calling thread until the log is taken in whole and no list is stale: an import that will exit. */
    public void catchUp() {
        if (related == null) {
            progress.accept("related stories: a running server holds the search index; it takes these articles in itself");
            return;
        }
        takeInLog();
        refreshStaleLists();
    }

    /**
     * On the calling thread, takes in the whole log: once it returns, the feeds show every logged
     * change with its article's own related stories. The lists a change made stale follow in
     * {@link #refreshStaleLists}. Not with a derivation {@link #start}ed.
     */
    public void takeInLog() {
        related.prepare(mark, progress);
        long before = mark;
        while (deriveNextBatch()) {
            // on to the next batch
        }
        if (mark > before) {
            progress.accept("related stories: computed for the " + (mark - before) + " changes in the log");
        }
    }

    /** On the calling thread, computes every stale or missing related list again. Not with a derivation {@link #start}ed. */
    public void refreshStaleLists() {
        while (related.refreshStale(STALE_PER_PASS, cache::invalidateAll) > 0) {
            // lists a burst made stale, or a rebuild or an older store left missing
        }
    }

    private void run() {
        while (!closed) {
            try {
                if (!prepared) {
                    related.prepare(mark, progress);
                    skipWhatOthersDerived();
                    prepared = true;
                }
                long started = System.nanoTime();
                if (deriveNextBatch()) {
                    yieldToPublishers(started);
                    continue;
                }
                if (related.refreshStale(STALE_PER_PASS, cache::invalidateAll) > 0) {
                    continue; // and look at the log again before the next few
                }
                bell.await(IDLE);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("deriving from the change log failed after position {}; trying again: {}", mark, e.toString());
                try {
                    if (related.recoverIndex()) {
                        prepared = false; // reopened from its last durable commit, or new: take the log in again
                    }
                } catch (RuntimeException again) {
                    LOG.warn("the search index cannot be opened again yet: {}", again.toString());
                }
                sleep(AFTER_FAILURE);
            }
        }
    }

    /** Derives the next batch after the mark; false when there was none. */
    private boolean deriveNextBatch() {
        long from = mark;
        List<ChangeLog.Change> batch = database.read(connection -> changes.after(connection, from, BATCH));
        if (batch.isEmpty()) {
            return false;
        }
        RelatedIndexing.Lists lists = related.take(batch);
        long last = batch.get(batch.size() - 1).seq();
        long listsCount = database.write(connection -> {
            // Writes are serial across nodes, so the shared mark read here cannot move before this commits.
            long shared = follower.equals(FOLLOWER) ? from : changes.mark(connection, FOLLOWER);
            long stored = 0;
            if (last > shared) {
                Set<FeedKey> touched = new LinkedHashSet<>();
                batch.stream().filter(change -> change.seq() > shared).forEach(change -> touched.addAll(change.feeds()));
                stored = related.store(connection, lists);
                hub.record(connection, touched);
                changes.setMark(connection, FOLLOWER, last);
            }
            if (!follower.equals(FOLLOWER)) {
                changes.setMark(connection, follower, last);
            }
            return stored;
        }, () -> {
            cache.invalidateAll();
            hub.queued();
        });
        related.storedHere(listsCount);
        mark = last;
        return true;
    }

    /**
     * A node beside others, new or back after a while, need not derive again what its index holds
     * and the other nodes have stored lists and pushes for: it goes on from there.
     */
    private void skipWhatOthersDerived() {
        if (follower.equals(FOLLOWER)) {
            return;
        }
        long shared = database.read(connection -> changes.mark(connection, FOLLOWER));
        long skipTo = Math.min(related.indexedUpTo(), shared);
        if (skipTo > mark) {
            database.write(connection -> {
                changes.setMark(connection, follower, skipTo);
                return null;
            });
            mark = skipTo;
        }
    }

    /**
     * Publishing comes first: when writes were committed while a batch was derived, the follower
     * rests as long as the batch took (at most {@link #MOST_REST}) before the next, so under a burst
     * it takes about half of one core and acknowledgements keep the rest; the feeds show the new
     * articles meanwhile, and their related stories and pushes follow. On an idle server, or once
     * a burst ends, it never rests.
     */
    private void yieldToPublishers(long batchStarted) {
        if (lastChange - batchStarted > 0) {
            long took = System.nanoTime() - batchStarted;
            try {
                Thread.sleep(Math.min(took, MOST_REST.toNanos()) / 1_000_000);
            } catch (InterruptedException e) {
                closed = true;
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            bell.await(duration);
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            // Let a batch under way finish rather than interrupt it: an interrupt during Lucene's file
            // I/O closes the index's channels, and closing the index then fails ("FileLock invalidated").
            bell.ring();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
