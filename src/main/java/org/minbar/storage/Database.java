package org.minbar.storage;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The store every other part writes and reads through, whichever engine holds it: the embedded
 * SQLite file (one machine, the default) or a PostgreSQL database shared by any number of nodes.
 * Either way writes are serial and durable (committed before {@link #write} returns), a read sees
 * one snapshot, and a fault of the machine or of the database server is a
 * {@link StorageUnavailableException} that clears by itself.
 */
public interface Database extends AutoCloseable {

    /** Opens (creating if needed) the embedded SQLite store in the folder and brings its schema up to date. */
    static SqliteDatabase open(Path folder) {
        return SqliteDatabase.open(folder);
    }

    /**
     * Opens the store {@code location} names: empty for the SQLite file in {@code folder}, else a
     * {@code jdbc:postgresql://} address (user and password in it, or given apart).
     */
    static Database open(Optional<String> location, Optional<String> user, Optional<String> password, Path folder) {
        if (location.isEmpty()) {
            return open(folder);
        }
        return PostgresDatabase.open(location.get(), user, password);
    }

    /** Which SQL the store speaks, for the few statements that differ. */
    Dialect dialect();

    /** Where the store is, for logs: a file, or a database address without its password. */
    String describe();

    /** Runs work in a write transaction, committed before this returns; a failure leaves nothing of it. */
    default <T> T write(SqlFunction<T> work) {
        return write(work, () -> { });
    }

    /**
     * As {@link #write(SqlFunction)}, then runs {@code afterCommit} before the next write can begin:
     * for state kept beside the database that must change with the commit, such as rendered feeds.
     */
    <T> T write(SqlFunction<T> work, Runnable afterCommit);

    /** Runs read-only work in one transaction, so it sees one snapshot. */
    <T> T read(SqlFunction<T> work);

    /** What keeps the store from working until the server is restarted or repaired, if anything. */
    Optional<String> lastingFault();

    /** The fault that made the last write fail (a full disk, a database server gone), until a write succeeds again. */
    Optional<String> writeFault();

    /**
     * A number that moves whenever another connection (another process, another node) may have
     * committed a change; cheap enough to read twice a second.
     */
    long dataVersion();

    @Override
    void close();
}
