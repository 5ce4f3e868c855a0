package org.minbar.storage;

import java.sql.SQLException;
import java.util.Optional;
import java.sql.SQLTransientConnectionException;
import org.postgresql.util.PSQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tells SQLite's errors that come from the machine (a full disk, read-only or failing storage, a
 * missing, damaged or locked file) from those a request causes (a constraint, bad SQL): the first
 * are temporary faults, answered 503 and named plainly, with SQLite's own code and message. So
 * are PostgreSQL's that say the server is gone, starting or stopping, out of room or out of
 * connections, and a pool that could lend no connection in time.
 */
final class StorageFaults {

    private StorageFaults() {}

    /** The fault behind this failure, if it is one of the machine's; searches the causes. */
    static Optional<StorageUnavailableException> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageUnavailableException unavailable) {
                return Optional.of(unavailable);
            }
            if (cause instanceof PSQLException postgres) {
                Optional<String> meaning = meaningOfState(postgres.getSQLState());
                if (meaning.isPresent()) {
                    return Optional.of(new StorageUnavailableException(
                            meaning.get() + " (" + postgres.getSQLState() + ": " + firstLine(postgres) + ")", postgres));
                }
            }
            if (cause instanceof SQLTransientConnectionException pool) { // HikariCP: no connection within its timeout
                return Optional.of(new StorageUnavailableException(
                        "the database server cannot be reached (" + firstLine(pool) + ")", pool));
            }
            if (cause instanceof SQLiteException sqlite) {
                Optional<String> meaning = meaning(sqlite.getResultCode());
                if (meaning.isPresent()) {
                    return Optional.of(new StorageUnavailableException(
                            meaning.get() + " (" + sqlite.getResultCode().name() + ": " + firstLine(sqlite) + ")", sqlite));
                }
            }
        }
        return Optional.empty();
    }

    /** As {@link #of}, or else the failure as a StorageException with this prefix. */
    static StorageException wrap(String what, SQLException failure) {
        return of(failure).map(StorageException.class::cast)
                .orElseGet(() -> new StorageException(what + ": " + failure.getMessage(), failure));
    }

    /** Whether the failure says the database file itself is damaged (SQLITE_CORRUPT, SQLITE_NOTADB): it will not heal by waiting. */
    static boolean isDamage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite && ((sqlite.getResultCode().code & 0xff) == 11
                    || (sqlite.getResultCode().code & 0xff) == 26)) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> meaning(SQLiteErrorCode code) {
        return switch (code.code & 0xff) { // the primary code of an extended one
            case 13 -> Optional.of("the disk is full");
            case 8 -> Optional.of("the storage is read-only");
            case 10 -> Optional.of("the disk failed to read or write");
            case 14 -> Optional.of("the database file cannot be opened");
            case 11, 26 -> Optional.of("the database file is damaged");
            case 5, 6 -> Optional.of("the database is locked by another process");
            case 3 -> Optional.of("access to the database file is denied");
            case 7 -> Optional.of("the server is out of memory");
            default -> Optional.empty();
        };
    }

    /** PostgreSQL's SQLSTATE classes that come from the server or the network, not from the request. */
    static Optional<String> meaningOfState(String state) {
        if (state == null || state.length() < 2) {
            return Optional.empty();
        }
        if (state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return Optional.of("the database server is shutting down or starting");
        }
        return switch (state.substring(0, 2)) {
            case "08" -> Optional.of("the database server cannot be reached");
            case "53" -> Optional.of("the database server is out of room or connections");
            case "58" -> Optional.of("the database server's storage failed");
            case "25" -> state.equals("25006") ? Optional.of("the database server is read-only") : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
