package org.minbar.storage;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Consistent copies of the store, and bringing one back. A backup is SQLite's {@code VACUUM INTO}
 * on a connection of its own: one read transaction, so the copy is the store as it was at one
 * commit while publishing goes on, compacted, in a single file (no WAL) readable by the owner
 * only. A restore checks a copy whole (integrity, this schema) before it replaces anything, and
 * keeps the store it replaces beside it.
 */
public final class Backups {

    /** What a backup or a restore holds. */
    public record Summary(Path file, long bytes, long articles, int schemaVersion) {}

    private Backups() {}

    /** Writes a consistent copy of the database in {@code folder} to {@code target}, which must not exist. */
    public static Summary backUp(Path folder, Path target) {
        Path database = folder.resolve(SqliteDatabase.FILE_NAME);
        if (!Files.isRegularFile(database)) {
            throw new StorageException("no store to back up: " + database + " does not exist");
        }
        if (Files.exists(target)) {
            throw new StorageException(target + " exists already: a backup never overwrites a file");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            // VACUUM INTO accepts an empty file: made 0600 first, the copy is never readable by others.
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PrivateFiles.FILE));
            try (Connection connection = open(database, true);
                 PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, partial.toAbsolutePath().toString());
                vacuum.execute();
            }
            Files.setPosixFilePermissions(partial, PrivateFiles.FILE);
            move(partial, target);
            return summary(target);
        } catch (SQLException e) {
            throw StorageFaults.wrap("the backup failed", e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new StorageException("the backup failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // left for the operator; the target was never written half
            }
        }
    }

    /** Checks that a file is a whole Minbar store: SQLite's integrity check passes and it has this schema's tables. */
    public static Summary check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StorageException(file + " is not a file");
        }
        try (Connection connection = open(file, true); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                String result = rows.next() ? rows.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw new StorageException(file + " is damaged: " + result);
                }
            }
            int version = Migrations.currentVersion(connection);
            if (version == 0) {
                throw new StorageException(file + " is an SQLite file but not a Minbar store (it has no schema_migrations)");
            }
            if (version > Migrations.FILES.size()) {
                throw new StorageException(file + " was made by a newer Minbar (schema " + version + ", this one knows "
                        + Migrations.FILES.size() + ")");
            }
            return summary(file);
        } catch (SQLException e) {
            throw new StorageException(file + " cannot be read as a Minbar store: " + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code backup} the store in {@code folder}: checked first; the database it replaces,
     * with its WAL, is kept as {@code minbar.db.before-restore-N}; the search index, derived from
     * the database, is removed so that the next start rebuilds it. The server must be stopped.
     */
    public static Summary restore(Path backup, Path folder, Path keptAs) {
        Summary checked = check(backup);
        try {
            PrivateFiles.secure(folder);
            Path database = folder.resolve(SqliteDatabase.FILE_NAME);
            Path incoming = folder.resolve(SqliteDatabase.FILE_NAME + ".restoring");
            Files.copy(backup, incoming, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(incoming, PrivateFiles.FILE);
            check(incoming);
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Path current = folder.resolve(SqliteDatabase.FILE_NAME + suffix);
                if (Files.exists(current)) {
                    Files.move(current, keptAs.resolveSibling(keptAs.getFileName() + suffix));
                }
            }
            move(incoming, database);
            return new Summary(database, checked.bytes(), checked.articles(), checked.schemaVersion());
        } catch (IOException | UnsupportedOperationException e) {
            throw new StorageException("the restore failed: " + e.getMessage(), e);
        }
    }

    private static Summary summary(Path file) {
        try (Connection connection = open(file, true); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM articles WHERE deleted_at IS NULL")) {
            rows.next();
            return new Summary(file, Files.size(file), rows.getLong(1), Migrations.currentVersion(connection));
        } catch (SQLException | IOException e) {
            throw new StorageException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(10_000);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
