package org.minbar.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database file: WAL journal, foreign keys on, synchronous=FULL so that a committed
 * write survives a crash. One writer connection owned by a group-commit thread (the writes waiting
 * together share one transaction and one fsync; each is committed before its caller returns) and a
 * small pool of reader connections.
 */
public final class SqliteDatabase implements Database {

    public static final String FILE_NAME = "minbar.db";
    private static final int READERS = 6;

    private final Path file;
    private final Connection writer;
    private final Connection watcher;
    private final GroupCommit commits;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    /** The database file's device and inode when opened: a file deleted or replaced since is noticed. */
    private final Object identity;
    /** What a read found damaged in the file, once one did. */
    private volatile String damaged;

    private SqliteDatabase(Path file) throws SQLException {
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
        this.identity = identity(file);
        this.commits = new GroupCommit(writer, "minbar-writer", new GroupCommit.Check() {
            @Override
            public void beforeGroup() {
                checkFile();
            }

            @Override
            public StorageUnavailableException explain(StorageUnavailableException fault) {
                return explainByProbe(fault);
            }
        });
    }

    /** Opens (creating if needed) the database in the given folder and brings its schema up to date. */
    public static SqliteDatabase open(Path folder) {
        try {
            PrivateFiles.secure(folder, FILE_NAME, FILE_NAME + "-wal", FILE_NAME + "-shm");
            return new SqliteDatabase(folder.resolve(FILE_NAME));
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot open the database in " + folder + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public <T> T write(SqlFunction<T> work, Runnable afterCommit) {
        return commits.write(work, afterCommit);
    }

    /** Runs read-only work on a pooled connection, in one transaction so it sees one snapshot. */
    @Override
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
            StorageException failed = StorageFaults.wrap("read failed", e);
            if (StorageFaults.isDamage(e) && failed instanceof StorageUnavailableException unavailable) {
                damaged = unavailable.fault(); // a damaged file does not heal: reported until a restart
            }
            throw failed;
        } finally {
            readers.add(connection);
        }
    }

    /**
     * What keeps the store from working until the server is restarted, if anything: the database
     * file deleted or replaced since it was opened, found damaged by a read or a write, or the writer stopped.
     */
    @Override
    public Optional<String> lastingFault() {
        try {
            checkFile();
        } catch (StorageUnavailableException e) {
            return Optional.of(e.fault());
        }
        if (damaged != null) {
            return Optional.of(damaged);
        }
        Optional<String> writeDamage = commits.lastFault().filter(StorageFaults::isDamage).map(StorageUnavailableException::fault);
        if (writeDamage.isPresent()) {
            return writeDamage;
        }
        return commits.isAlive() ? Optional.empty() : Optional.of("the database writer has stopped");
    }

    /** The fault that made the last write fail (a full disk, read-only storage), until a write succeeds again. */
    @Override
    public Optional<String> writeFault() {
        return commits.lastFault().map(StorageUnavailableException::fault);
    }

    /**
     * Refuses writes once the file this server opened is no longer the one at its path: a write
     * into a deleted file would be answered 201 and be gone at the next start.
     */
    private void checkFile() {
        if (!Objects.equals(identity(file), identity)) {
            throw new StorageUnavailableException("the database file " + file + " was deleted or replaced while the server"
                    + " ran; put it back (or restore a backup) and restart the server", null);
        }
    }

    /**
     * SQLite reports a write refused by a read-only file system as a plain disk I/O error; creating
     * a file beside the database tells which it is, so the answer can say so.
     */
    private StorageUnavailableException explainByProbe(StorageUnavailableException fault) {
        try {
            Files.delete(Files.createTempFile(file.toAbsolutePath().getParent(), ".minbar-probe-", ""));
            return fault;
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("Read-only file system") && !fault.fault().startsWith("the storage is read-only")) {
                return new StorageUnavailableException("the storage is read-only (" + fault.fault() + ")", fault.getCause());
            }
            if (reason.contains("No space left") && !fault.fault().startsWith("the disk is full")) {
                return new StorageUnavailableException("the disk is full (" + fault.fault() + ")", fault.getCause());
            }
            return fault;
        }
    }

    private static Object identity(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey(); // (device, inode) on Unix
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * SQLite's data_version as one dedicated connection sees it: it changes whenever any other
     * connection, in this process or another (an import), commits a change to the file.
     */
    @Override
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
