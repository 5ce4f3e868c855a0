package org.minbar.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
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
 */
final class GroupCommit implements AutoCloseable {

    /** The most writes one transaction takes: bounds the time a group holds the next ones back. */
    static final int MOST_PER_TRANSACTION = 500;
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private record Task<T>(SqlFunction<T> work, Runnable afterCommit, CompletableFuture<T> result) {}

    private static final Task<Void> STOP = new Task<>(connection -> null, () -> { }, new CompletableFuture<>());

    private final Connection writer;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    GroupCommit(Connection writer, String name) {
        this.writer = writer;
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
                throw new StorageException("write failed: " + e.getMessage(), e);
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
                throw new StorageException("write failed: " + sql.getMessage(), sql);
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
        try {
            writer.setAutoCommit(false);
            try {
                for (int i = 0; i < group.size(); i++) {
                    Savepoint savepoint = writer.setSavepoint();
                    try {
                        results[i] = group.get(i).work().apply(writer);
                        writer.releaseSavepoint(savepoint);
                    } catch (SQLException | RuntimeException e) {
                        failures[i] = e;
                        writer.rollback(savepoint); // fails when SQLite has rolled back the whole transaction: the group fails
                        writer.releaseSavepoint(savepoint);
                    }
                }
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                StorageException failed = new StorageException("write failed: " + e.getMessage(), e);
                for (int i = 0; i < group.size(); i++) {
                    if (failures[i] == null) {
                        failures[i] = failed;
                    }
                }
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.warn("the write connection could not change its transaction mode: {}", e.getMessage());
        }
        for (int i = 0; i < group.size(); i++) {
            finish(group.get(i), results[i], failures[i]);
        }
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

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback after a failed group: {}", e.getMessage());
        }
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
}
