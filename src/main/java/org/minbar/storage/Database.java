package org.minbar.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database file: WAL journal, foreign keys on, synchronous=FULL so that a committed
 * write survives a crash. One writer connection owned by a group-commit thread (the writes waiting
 * together share one transaction and one fsync; each is committed before its caller returns) and a
 * small pool of reader connections.
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "minbar.db";
    private static final int READERS = 6;

    private final Path file;
    private final Connection writer;
    private final Connection watcher;
    private final GroupCommit commits;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

    private Database(Path file) throws SQLException {
        this.file = file;
        this.writer = open(file, false);
        Connection watch = null;
        try {
            Migrations.apply(writer);
            for (int i = 0; i < READERS; i++) {
                readers.add(open(file, true));
            }
            watch = open(file, true);
        } catch (SQLException | RuntimeException e) {
            for (Connection reader : readers) {
                reader.close();
            }
            writer.close();
            throw e;
        }
        this.watcher = watch;
        this.commits = new GroupCommit(writer, "minbar-writer");
    }

    /** Opens (creating if needed) the database in the given folder and brings its schema up to date. */
    public static Database open(Path folder) {
        try {
            PrivateFiles.secure(folder, FILE_NAME, FILE_NAME + "-wal", FILE_NAME + "-shm");
            return new Database(folder.resolve(FILE_NAME));
        } catch (SQLException | java.io.IOException e) {
            throw new StorageException("cannot open the database in " + folder + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs work in a write transaction, committed before this returns; a failure leaves nothing of it. */
    public <T> T write(SqlFunction<T> work) {
        return write(work, () -> {});
    }

    /**
     * As {@link #write(SqlFunction)}, then runs {@code afterCommit} before the next write can begin:
     * for state kept beside the database that must change with the commit, such as rendered feeds.
     */
    public <T> T write(SqlFunction<T> work, Runnable afterCommit) {
        return commits.write(work, afterCommit);
    }

    /** Runs read-only work on a pooled connection, in one transaction so it sees one snapshot. */
    public <T> T read(SqlFunction<T> work) {
        Connection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a database connection", e);
        }
        try {
            connection.setAutoCommit(false);
            try {
                return work.apply(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("read failed: " + e.getMessage(), e);
        } finally {
            readers.add(connection);
        }
    }

    /**
     * SQLite's data_version as one dedicated connection sees it: it changes whenever any other
     * connection, in this process or another (an import), commits a change to the file.
     */
    public long dataVersion() {
        synchronized (watcher) {
            try (Statement statement = watcher.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA data_version")) {
                return rows.next() ? rows.getLong(1) : 0;
            } catch (SQLException e) {
                throw new StorageException("reading the data version failed: " + e.getMessage(), e);
            }
        }
    }

    private static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        if (!readOnly) {
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    @Override
    public void close() {
        commits.close();
        try {
            for (Connection reader : readers) {
                reader.close();
            }
            synchronized (watcher) {
                watcher.close();
            }
            writer.close();
        } catch (SQLException e) {
            throw new StorageException("closing the database failed: " + e.getMessage(), e);
        }
    }
}
