package org.minbar.storage;

import java.sql.SQLException;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tells SQLite's errors that come from the machine (a full disk, read-only or failing storage, a
 * missing, damaged or locked file) from those a request causes (a constraint, bad SQL): the first
 * are temporary faults, answered 503 and named plainly, with SQLite's own code and message.
 */
final class StorageFaults {

    private StorageFaults() {}

    /** The fault behind this failure, if it is one of the machine's; searches the causes. */
    static Optional<StorageUnavailableException> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageUnavailableException unavailable) {
                return Optional.of(unavailable);
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

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
