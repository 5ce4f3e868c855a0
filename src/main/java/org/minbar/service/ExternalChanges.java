package org.minbar.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.minbar.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices commits this server did not make, such as `minbar import` run beside it, by SQLite's
 * data_version every {@link #INTERVAL_MILLIS} ms, and wakes the change-log follower: another
 * process's changes are in the log like ours, so taking them in costs no more than ours (never a
 * rebuild). The server's own commits show up too, and cost one look at the log.
 */
public final class ExternalChanges implements AutoCloseable {

    static final int INTERVAL_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ExternalChanges.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "minbar-external-changes");
        thread.setDaemon(true);
        return thread;
    });

    /** @param changed what to do when a commit was noticed: look at the change log */
    public ExternalChanges(Database database, Runnable changed) {
        AtomicLong seen = new AtomicLong(database.dataVersion());
        timer.scheduleWithFixedDelay(() -> {
            try {
                long now = database.dataVersion();
                if (seen.getAndSet(now) != now) {
                    changed.run();
                }
            } catch (RuntimeException e) {
                LOG.warn("could not check the database for outside changes: {}", e.getMessage());
            }
        }, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
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
