package org.minbar.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.minbar.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices writes this server did not make, such as `minbar import` run beside it, so that the
 * search index takes them in and feeds are rendered from the new data. Checks SQLite's
 * data_version every {@link #INTERVAL_SECONDS} seconds; the server's own writes show up too,
 * costing at most one extra check and render.
 */
public final class ExternalChanges implements AutoCloseable {

    static final int INTERVAL_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(ExternalChanges.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "minbar-external-changes");
        thread.setDaemon(true);
        return thread;
    });

    /** @param changed what to do when a write was noticed: take it into the index, drop cached feeds */
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
        }, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        // Let a check under way finish rather than interrupt it: an interrupt during Lucene's file
        // I/O closes the index's channels, and closing the index then fails ("FileLock invalidated").
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
