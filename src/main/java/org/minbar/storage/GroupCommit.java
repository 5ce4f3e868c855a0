package org.minbar.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer: a thread that owns the write connection and commits whatever writes are waiting
 * in one transaction (group commit), each inside its own savepoint, so one fsync makes many writes
 * durable and a write that fails leaves nothing behind while the others in its group still commit.
 * A caller returns only once the transaction holding its write is committed (synchronous=FULL: on
 * disk). When the commit itself fails, every write of the group fails and nothing of it is stored.
 * A fault of the machine (see {@link StorageFaults}) met by any write stops its group at once:
 * all of it is rolled back and every write in it fails with that fault, named as SQLite gave it.
 * Before each group, {@code check} may refuse it outright (the database file is gone).
 */
final class GroupCommit implements AutoCloseable {

    /** The most writes one transaction takes: bounds the time a group holds the next ones back. */
    static final int MOST_PER_TRANSACTION = 500;
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private record Task<T>(SqlFunction<T> work, Runnable afterCommit, CompletableFuture<T> result) {}

    private static final Task<Void> STOP = new Task<>(connection -> null, () -> { }, new CompletableFuture<>());

    /** Refuses a group before it begins, when the store cannot be written at all. */
    interface Check {
        void beforeGroup() throws StorageUnavailableException;

        /** The fault as the store can best name it (a disk I/O error on storage that has become read-only). */
        default StorageUnavailableException explain(StorageUnavailableException fault) {
            return fault;
        }
    }

    /**
     * Where the writer's connection comes from: one kept for good (the SQLite file's) or, for a
     * database server, one borrowed from the pool for each group, so a connection the server broke
     * is replaced at the next group.
     */
    interface Connections {
        Connection acquire() throws SQLException;

        /** Called in each group's transaction before its writes: PostgreSQL takes the lock that keeps every node's writes serial. */
        default void began(Connection connection) throws SQLException { }

        /** Ends whatever transaction a failed group left open, without committing any of it. */
        void abandon(Connection connection);

        default void release(Connection connection) { }
    }

    private final Connections connections;
    /** The connection of the group under way: only the writer thread uses it. */
    private Connection writer;
    private final Check check;
    private volatile StorageUnavailableException lastFault;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    GroupCommit(Connection writer, String name) {
        this(writer, name, () -> { });
    }

    GroupCommit(Connection writer, String name, Check check) {
        this(new KeptConnection(writer), name, check);
    }

    GroupCommit(Connections connections, String name, Check check) {
        this.connections = connections;
        this.check = check;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Runs the work in a write transaction and returns once that is committed; {@code afterCommit}
     * runs on the writer right after the commit, before any later write begins. A write made from
     * inside another write's work joins that write.
     */
    <T> T write(SqlFunction<T> work, Runnable afterCommit) {
        if (Thread.currentThread() == thread) {
            try {
                T result = work.apply(writer);
                afterCommit.run(); // the outer write commits, or fails, with this one
                return result;
            } catch (SQLException e) {
                throw StorageFaults.wrap("write failed", e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            throw new StorageException("the database is closed");
        }
        queue.add(new Task<>(work, afterCommit, result));
        return await(result);
    }

    private static <T> T await(CompletableFuture<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a write to commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof SQLException sql) {
                throw StorageFaults.wrap("write failed", sql);
            }
            throw new StorageException("write failed: " + e.getCause(), e.getCause());
        }
    }

    private void run() {
        List<Task<?>> group = new ArrayList<>();
        while (true) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                failAll(new StorageException("the database is closed"));
                return;
            }
            queue.drainTo(group, MOST_PER_TRANSACTION - 1);
            boolean stop = group.remove(STOP);
            if (!group.isEmpty()) {
                commit(group);
            }
            group.clear();
            if (stop) {
                failAll(new StorageException("the database is closed"));
                return;
            }
        }
    }

    private void commit(List<Task<?>> group) {
        Object[] results = new Object[group.size()];
        Throwable[] failures = new Throwable[group.size()];
        boolean committed = false;
        try {
            check.beforeGroup();
            writer = connections.acquire();
            writer.setAutoCommit(false); // BEGIN IMMEDIATE
            connections.began(writer);
            for (int i = 0; i < group.size(); i++) {
                Savepoint savepoint = writer.setSavepoint();
                try {
                    results[i] = group.get(i).work().apply(writer);
                    writer.releaseSavepoint(savepoint);
                } catch (SQLException | RuntimeException e) {
                    Optional<StorageUnavailableException> fault = StorageFaults.of(e).map(check::explain);
                    if (fault.isPresent()) {
                        throw fault.get(); // SQLite may have ended the transaction: nothing more runs in it
                    }
                    failures[i] = e;
                    writer.rollback(savepoint); // fails when SQLite has rolled back the whole transaction: the group fails
                    writer.releaseSavepoint(savepoint);
                }
            }
            writer.commit();
            committed = true;
            writer.setAutoCommit(true);
            lastFault = null;
        } catch (SQLException | RuntimeException e) {
            if (writer != null) {
                connections.abandon(writer);
            }
            if (committed) {
                LOG.warn("after a commit, the write connection could not leave its transaction mode: {}", e.getMessage());
            } else {
                Optional<StorageUnavailableException> fault = StorageFaults.of(e).map(check::explain);
                StorageException failed = fault.map(StorageException.class::cast)
                        .orElseGet(() -> new StorageException("write failed: " + e.getMessage(), e));
                fault.ifPresent(this::noteFault);
                for (int i = 0; i < group.size(); i++) {
                    if (failures[i] == null || fault.isPresent()) {
                        failures[i] = failed;
                    }
                }
            }
        }
        if (writer != null) {
            connections.release(writer);
            writer = null;
        }
        for (int i = 0; i < group.size(); i++) {
            finish(group.get(i), results[i], failures[i]);
        }
    }

    /** Logs a fault once when it begins (not once per write refused while it lasts). */
    private void noteFault(StorageUnavailableException fault) {
        StorageUnavailableException previous = lastFault;
        if (previous == null || !previous.fault().equals(fault.fault())) {
            LOG.warn("writes are refused (503) until this clears: {}", fault.fault());
        }
        lastFault = fault;
    }

    /** The fault that made the last group fail, if the last group failed for one. */
    Optional<StorageUnavailableException> lastFault() {
        return Optional.ofNullable(lastFault);
    }

    /** Whether the writer thread is running. */
    boolean isAlive() {
        return thread.isAlive() && !closed;
    }

    @SuppressWarnings("unchecked")
    private static <T> void finish(Task<T> task, Object result, Throwable failure) {
        if (failure != null) {
            task.result().completeExceptionally(failure);
            return;
        }
        try {
            task.afterCommit().run();
        } catch (RuntimeException e) {
            LOG.warn("work after a commit failed", e); // the write itself is committed: its caller is told so
        }
        task.result().complete((T) result);
    }

    private void failAll(RuntimeException reason) {
        List<Task<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(task -> task.result().completeExceptionally(reason));
    }

    /** Commits what is already queued, then stops; later writes fail. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The SQLite file's one write connection, kept for good. */
    private record KeptConnection(Connection connection) implements Connections {

        @Override
        public Connection acquire() {
            return connection;
        }

        /**
         * Ends whatever transaction is open without committing any of it, and brings the driver back in
         * step with SQLite. After a full disk or an I/O error SQLite may roll the transaction back by
         * itself; the driver still believes one is open, would then run the next group's statements
         * each in its own transaction, committed at once, and the group's COMMIT would fail: writes
         * answered as failed yet stored. Here SQLite's own ROLLBACK ends what is open, and an empty
         * transaction is begun for the driver to end, so both agree that none is.
         */
        @Override
        public void abandon(Connection writer) {
            try (Statement statement = writer.createStatement()) {
                statement.execute("ROLLBACK");
            } catch (SQLException e) {
                LOG.debug("rollback after a failed group: {}", e.getMessage()); // SQLite had ended it already
            }
            try {
                if (!writer.getAutoCommit()) {
                    try (Statement statement = writer.createStatement()) {
                        statement.execute("BEGIN");
                    }
                    writer.setAutoCommit(true); // the driver's COMMIT of that empty transaction
                }
            } catch (SQLException e) {
                LOG.warn("the write connection could not return to autocommit after a failed group: {}", e.getMessage());
            }
        }
    }
}
