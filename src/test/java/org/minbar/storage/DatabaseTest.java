package org.minbar.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Covers Database: the connection settings every connection gets, and the commit/rollback contract of write() and read().
class DatabaseTest {

    @TempDir
    Path folder;

    private SqliteDatabase database;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("nested/storage"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void createsTheFolderAndTheDatabaseFile() {
        assertEquals(folder.resolve("nested/storage/minbar.db"), database.file());
        assertTrue(Files.isRegularFile(database.file()));
    }

    @Test
    void theStoreIsReadableByItsOwnerOnly() throws Exception {
        database.write(c -> {
            try (var statement = c.createStatement()) {
                statement.executeUpdate("CREATE TABLE private_probe (x)");
            }
            return null;
        });
        Path storage = folder.resolve("nested/storage");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(storage)));
        for (String name : List.of("minbar.db", "minbar.db-wal", "minbar.db-shm")) {
            assertTrue(Files.exists(storage.resolve(name)), name);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(storage.resolve(name))), name);
        }
    }

    @Test
    void aStoreMadeBeforeIsMadePrivateWhenOpened() throws Exception {
        database.close();
        Path storage = folder.resolve("nested/storage");
        Files.setPosixFilePermissions(storage, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(storage.resolve("minbar.db"), PosixFilePermissions.fromString("rw-r--r--"));
        database = Database.open(storage);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(storage)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(database.file())));
    }

    @Test
    void aDamagedPageIsA503FaultAndStaysReportedAsLasting() throws Exception {
        database.write(c -> {
            try (var statement = c.createStatement()) {
                statement.executeUpdate("CREATE TABLE bulk (x BLOB)");
                statement.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                        + " INSERT INTO bulk SELECT randomblob(1000) FROM n");
            }
            return null;
        });
        database.close(); // the last connection checkpoints the WAL into the file
        Path file = folder.resolve("nested/storage/minbar.db");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            byte[] garbage = new byte[64 * 1024];
            java.util.Arrays.fill(garbage, (byte) 0xA5);
            channel.write(java.nio.ByteBuffer.wrap(garbage), channel.size() - 2 * garbage.length); // pages of the bulk table
        }
        database = Database.open(folder.resolve("nested/storage"));
        assertEquals(Optional.empty(), database.lastingFault());
        StorageUnavailableException damaged = assertThrows(StorageUnavailableException.class,
                () -> database.read(DatabaseTest::count));
        assertTrue(damaged.fault().startsWith("the database file is damaged"), damaged.fault());
        assertTrue(database.lastingFault().orElseThrow().startsWith("the database file is damaged"));
    }

    @Test
    void aDatabaseLockedByAnotherProcessIsA503FaultThatClearsWhenTheLockGoes() throws Exception {
        database.write(c -> {
            try (var statement = c.createStatement()) {
                statement.executeUpdate("CREATE TABLE probe (x)");
            }
            return null;
        });
        try (var other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database.file());
             var statement = other.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE"); // as another process holding the file would (after SQLite's busy wait, 10 s)
            StorageUnavailableException locked = assertThrows(StorageUnavailableException.class, () -> database.write(c -> {
                try (var insert = c.createStatement()) {
                    insert.executeUpdate("INSERT INTO probe VALUES (1)");
                }
                return null;
            }));
            assertTrue(locked.fault().startsWith("the database is locked by another process"), locked.fault());
            assertTrue(database.writeFault().isPresent());
            statement.execute("ROLLBACK");
        }
        database.write(c -> {
            try (var insert = c.createStatement()) {
                insert.executeUpdate("INSERT INTO probe VALUES (2)");
            }
            return null;
        });
        assertEquals(Optional.empty(), database.writeFault(), "the fault clears with the next write");
        assertEquals("2", database.read(c -> {
            try (var statement = c.createStatement(); var rows = statement.executeQuery("SELECT group_concat(x) FROM probe")) {
                rows.next();
                return rows.getString(1);
            }
        }), "nothing of the refused write was stored");
    }

    private static String count(java.sql.Connection connection) throws java.sql.SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT sum(length(x)) FROM bulk")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void writerUsesWalJournalForeignKeysAndFullSync() {
        assertEquals("wal", database.write(c -> pragma(c, "journal_mode")));
        assertEquals("1", database.write(c -> pragma(c, "foreign_keys")));
        assertEquals("2", database.write(c -> pragma(c, "synchronous")));
    }

    @Test
    void readersUseWalJournalAndForeignKeys() {
        // Four pooled readers: asking five times cycles through all of them.
        for (int i = 0; i < 5; i++) {
            assertEquals("wal", database.read(c -> pragma(c, "journal_mode")));
            assertEquals("1", database.read(c -> pragma(c, "foreign_keys")));
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        StorageException e = assertThrows(StorageException.class, () -> database.write(c -> update(c,
                "INSERT INTO article_tags (article_id, tag_id, position) VALUES (999, 999, 0)")));
        assertTrue(e.getMessage().startsWith("write failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("FOREIGN KEY constraint failed"), e.getMessage());
    }

    @Test
    void committedWriteIsVisibleToReaders() {
        database.write(c -> update(c, "INSERT INTO tags (slug, name) VALUES ('ادلب', 'إدلب')"));
        assertEquals("إدلب", database.read(c -> query(c, "SELECT name FROM tags WHERE slug = 'ادلب'")));
    }

    @Test
    void failedWriteIsRolledBackEntirely() {
        assertThrows(IllegalStateException.class, () -> database.write(c -> {
            update(c, "INSERT INTO tags (slug, name) VALUES ('a', 'a')");
            throw new IllegalStateException("fails after the first insert");
        }));
        assertEquals("0", database.read(c -> query(c, "SELECT count(*) FROM tags")));
        // The writer is usable again afterwards, back in auto-commit mode.
        database.write(c -> update(c, "INSERT INTO tags (slug, name) VALUES ('b', 'b')"));
        assertEquals("1", database.read(c -> query(c, "SELECT count(*) FROM tags")));
    }

    @Test
    void readWorkCannotLeaveChangesBehind() {
        database.read(c -> update(c, "INSERT INTO tags (slug, name) VALUES ('x', 'x')"));
        assertEquals("0", database.read(c -> query(c, "SELECT count(*) FROM tags")));
    }

    @Test
    void failedOpenLeavesNoConnectionToTheFileOpen() throws IOException {
        Path other = folder.toRealPath().resolve("edited");
        try (Database edited = Database.open(other)) {
            edited.write(c -> update(c, "UPDATE schema_migrations SET checksum = 'x'"));
        }
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc to list open files");
        assertEquals(0, openFilesUnder(other));

        assertThrows(StorageException.class, () -> Database.open(other));

        assertEquals(0, openFilesUnder(other), "minbar.db, -wal and -shm stay open");
    }

    /** How many of this process's file descriptors point into the folder. */
    private static long openFilesUnder(Path folder) throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).startsWith(folder);
                } catch (IOException e) {
                    return false; // closed meanwhile, such as the one Files.list itself used
                }
            }).count();
        }
    }

    static String pragma(Connection connection, String name) throws SQLException {
        return query(connection, "PRAGMA " + name);
    }

    static String query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static int update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }
}
