package org.minbar.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.minbar.storage.ChangeLog;
import org.minbar.storage.Database;
import org.minbar.storage.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices articles this server did not write, such as `minbar import` run beside it, and wakes the
 * change-log follower: another process's changes are in the log like ours, so taking them in costs
 * no more than ours (never a rebuild). Every {@link #INTERVAL_MILLIS} ms it reads SQLite's
 * data_version, which moves with any commit to the file; only when it moved is the log's position
 * read, and only when that moved is the follower woken. So the commits that change no article
 * (subscriber statistics, WebSub deliveries, the follower's own marks) never make cached
 * feeds render again. This server's own article writes show up too, and cost one look at the log.
 * On a store shared by several nodes, the "data version" is the log's newest position (see
 * {@link Database#dataVersion}), read every {@link #SHARED_INTERVAL_MILLIS} ms, so another node's
 * change reaches this one's feeds within about a tenth of a second.
 */
public final class ExternalChanges implements AutoCloseable {

    static final int INTERVAL_MILLIS = 500;
    /**
     * On a store shared by several nodes: another node's change is news for this node's readers,
     * and reading the log's newest position is one index lookup, so it is looked at ten times a second.
     */
    static final int SHARED_INTERVAL_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ExternalChanges.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "minbar-external-changes");
        thread.setDaemon(true);
        return thread;
    });

    /** @param changed what to do when a commit was noticed: look at the change log */
    public ExternalChanges(Database database, Runnable changed) {
        this(database, changed, () -> { }, () -> 0);
    }

    /**
     * @param changed      what to do when the log moved: look at it
     * @param listsChanged what to do when related lists were stored, on a store shared with other
     *                     nodes (which compute lists outside the log): drop rendered feeds
     * @param storedHere   the count of lists as of this node's own last store, after which it dropped
     *                     its feeds itself: finding that count is not another node's news
     */
    public ExternalChanges(Database database, Runnable changed, Runnable listsChanged, java.util.function.LongSupplier storedHere) {
        ChangeLog changes = new ChangeLog();
        int interval = database.dialect() == Dialect.POSTGRESQL ? SHARED_INTERVAL_MILLIS : INTERVAL_MILLIS;
        AtomicLong seenVersion = new AtomicLong(database.dataVersion());
        AtomicLong seenChange = new AtomicLong(database.read(changes::latest));
        boolean shared = database.dialect() == Dialect.POSTGRESQL;
        AtomicLong seenLists = new AtomicLong(shared ? database.read(connection -> changes.mark(connection, ChangeLog.LISTS)) : 0);
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();
        timer.scheduleWithFixedDelay(() -> {
            try {
                long version = database.dataVersion();
                if (version != seenVersion.get()) {
                    long latest = database.read(changes::latest);
                    seenVersion.set(version); // only once the log was read: a failed read is tried again
                    if (seenChange.getAndSet(latest) != latest) {
                        changed.run();
                    }
                    long lists = shared ? database.read(connection -> changes.mark(connection, ChangeLog.LISTS)) : 0;
                    if (seenLists.getAndSet(lists) != lists && lists != storedHere.getAsLong()) {
                        listsChanged.run();
                    }
                }
                if (failing.getAndSet(false)) {
                    LOG.info("checking the database for outside changes works again");
                }
            } catch (RuntimeException e) {
                if (!failing.getAndSet(true)) { // once an outage, not twice a second while it lasts
                    LOG.warn("could not check the database for outside changes: {}", e.getMessage());
                }
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
