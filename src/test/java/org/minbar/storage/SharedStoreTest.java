package org.minbar.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

// Covers what a store shared by several nodes needs without a server: which of PostgreSQL's errors
// are the server's faults (503) rather than the request's, addresses shown without their password,
// PostgreSQL migrations split outside function bodies, the node's lasting name, and where the store is.
class SharedStoreTest {

    @TempDir
    Path folder;

    @Test
    void theServerGoneStartingOrFullIsAFaultThatPassesAndAConstraintIsNot() {
        assertTrue(StorageFaults.of(new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)).isPresent());
        assertTrue(StorageFaults.of(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE)).isPresent());
        assertFalse(StorageFaults.of(new PSQLException("duplicate key value violates unique constraint",
                PSQLState.UNIQUE_VIOLATION)).isPresent());
        assertEquals(Optional.of("the database server is shutting down or starting"), StorageFaults.meaningOfState("57P01"));
        assertEquals(Optional.of("the database server is out of room or connections"), StorageFaults.meaningOfState("53100"));
        assertEquals(Optional.of("the database server cannot be reached"), StorageFaults.meaningOfState("08006"));
        assertEquals(Optional.of("the database server is read-only"), StorageFaults.meaningOfState("25006"));
        assertEquals(Optional.empty(), StorageFaults.meaningOfState("23505"), "a unique violation is the request's");
        assertEquals(Optional.empty(), StorageFaults.meaningOfState("42601"), "a syntax error is ours, not a passing fault");
        assertEquals(Optional.empty(), StorageFaults.meaningOfState(null));
        StorageUnavailableException fault = StorageFaults.of(new RuntimeException("wrapped",
                new PSQLException("Connection to 127.0.0.1:1 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))).orElseThrow();
        assertTrue(fault.fault().startsWith("the database server cannot be reached (08001: "), fault.fault());
        assertTrue(StorageFaults.of(new java.sql.SQLTransientConnectionException("minbar-postgresql - Connection is not available"))
                .isPresent(), "a pool that lends no connection in time");
    }

    @Test
    void anAddressIsShownWithoutItsPassword() {
        assertEquals("jdbc:postgresql://db.example:5432/minbar?user=minbar&password=***&ssl=true",
                PostgresDatabase.redact("jdbc:postgresql://db.example:5432/minbar?user=minbar&password=not-a-real-password&ssl=true"));
        assertEquals("jdbc:postgresql://minbar:***@db.example/minbar",
                PostgresDatabase.redact("jdbc:postgresql://minbar:not-a-real-password@db.example/minbar"));
        assertEquals("jdbc:postgresql://db.example/minbar", PostgresDatabase.redact("jdbc:postgresql://db.example/minbar"));
        assertFalse(StoreLocation.of("jdbc:postgresql://db/m?password=not-a-real-password", null, null).toString().contains("not-a-real-password"));
    }

    @Test
    void aNonPostgresAddressIsRefusedByName() {
        StorageException refused = assertThrows(StorageException.class,
                () -> PostgresDatabase.open("jdbc:mysql://db/minbar?password=not-a-real-password", Optional.empty(), Optional.empty()));
        assertTrue(refused.getMessage().startsWith("not a PostgreSQL address: jdbc:mysql://db/minbar?password=***"),
                refused.getMessage());
    }

    @Test
    void anUnreachableServerStopsTheStartWithOneClearLine() {
        StorageException refused = assertThrows(StorageException.class,
                () -> PostgresDatabase.open("jdbc:postgresql://127.0.0.1:1/minbar?user=minbar&password=not-a-real-password",
                        Optional.empty(), Optional.empty()));
        assertTrue(refused.getMessage().startsWith("cannot open the PostgreSQL database jdbc:postgresql://127.0.0.1:1/minbar"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("not-a-real-password"), refused.getMessage());
    }

    @Test
    void postgresMigrationsSplitAtLineEndsButNeverInsideAFunctionBody() {
        List<String> statements = Migrations.statements("""
                -- a comment; with a semicolon
                CREATE TABLE t (id BIGINT);\s
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE t SET id = id + 1;
                    RETURN NEW;
                END;
                $$;
                CREATE TRIGGER g AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
                """);
        assertEquals(3, statements.size(), statements.toString());
        assertEquals("CREATE TABLE t (id BIGINT)", statements.get(0));
        assertTrue(statements.get(1).contains("RETURN NEW;\nEND;\n$$"), statements.get(1));
        assertTrue(statements.get(2).startsWith("CREATE TRIGGER g"));
    }

    @Test
    void theSameMigrationsExistInEachDialect() {
        for (String name : Migrations.FILES) {
            assertFalse(Migrations.load(Dialect.SQLITE, name).isBlank(), name);
            assertFalse(Migrations.load(Dialect.POSTGRESQL, name).isBlank(), "PostgreSQL's " + name);
        }
    }

    @Test
    void aNodeKeepsTheNameItWasGivenAtItsFirstStart() throws Exception {
        String first = NodeNames.of(folder.resolve("storage"));
        assertTrue(first.matches("node-[0-9a-f]{12}"), first);
        assertEquals(first, NodeNames.of(folder.resolve("storage")), "the same name at the next start");
        assertTrue(Files.isRegularFile(folder.resolve("storage").resolve(NodeNames.FILE_NAME)));
        assertFalse(first.equals(NodeNames.of(folder.resolve("other"))), "another folder is another node");
    }

    @Test
    void noAddressMeansTheEmbeddedFile() {
        assertFalse(StoreLocation.of(null, null, null).isShared());
        assertFalse(StoreLocation.of("  ", "u", "p").isShared());
        assertTrue(StoreLocation.of("jdbc:postgresql://db/m", null, null).isShared());
        try (Database database = StoreLocation.embedded().open(folder)) {
            assertEquals(Dialect.SQLITE, database.dialect());
            assertTrue(Files.isRegularFile(folder.resolve(SqliteDatabase.FILE_NAME)));
        }
    }
}
