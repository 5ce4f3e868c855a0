package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.minbar.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores what became of the WebSub attempts that have finished, many to a transaction: whatever
 * finished while the last batch was being written goes into the next one. A thousand deliveries
 * then cost a few commits, not a thousand, and hold the writer (which publishers wait for) that
 * much less. Each settlement's release runs once its row is written, so a row is never taken up
 * again before its outcome is stored.
 */
final class OutboxSettler {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSettler.class);

    /** The change to an outbox row that an attempt's outcome calls for. */
    @FunctionalInterface
    interface RowWrite {
        void apply(Connection connection) throws SQLException;
    }

    /** A row's write, and what to do once it is stored (or has failed to be). */
    record Settlement(RowWrite write, Runnable release) {}

    private final Database database;
    private final Executor executor;
    private final Queue<Settlement> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    OutboxSettler(Database database, Executor executor) {
        this.database = database;
        this.executor = executor;
    }

    void settle(Settlement settlement) {
        waiting.add(settlement);
        if (writing.compareAndSet(false, true)) {
            executor.execute(this::writeWaiting);
        }
    }

    private void writeWaiting() {
        do {
            List<Settlement> batch = new ArrayList<>();
            for (Settlement next = waiting.poll(); next != null; next = waiting.poll()) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                writing.set(false);
                continue;
            }
            try {
                database.write(connection -> {
                    for (Settlement settlement : batch) {
                        settlement.write().apply(connection);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                // The rows keep their attempt counted and stay due: they are sent again.
                LOG.warn("websub: could not store the outcome of {} attempts", batch.size(), e);
            } finally {
                batch.forEach(settlement -> settlement.release().run());
            }
            writing.set(false);
        } while (!waiting.isEmpty() && writing.compareAndSet(false, true));
    }
}
