package org.minbar.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

// Covers the test-side PostgreSQL server itself, so that a store test passing on it means something: databases are
// separate, a committed row survives a crash (fsync on, immediate stop, recovery), and a stopped server refuses.
class PostgresTest {

    @Test
    void aCommittedRowSurvivesACrashAndEachDatabaseIsItsOwn() throws Exception {
        try (Postgres postgres = Postgres.start()) {
            String first = postgres.createDatabase();
            String second = postgres.createDatabase();
            assertNotEquals(first, second);
            assertTrue(first.startsWith("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/"), first);
            try (Connection connection = DriverManager.getConnection(first); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL)");
                statement.execute("INSERT INTO notes VALUES (1, 'خبر عاجل')"); // autocommit: committed when it returns
            }

            postgres.kill();
            assertThrows(SQLException.class, () -> DriverManager.getConnection(first).close(), "a killed server accepts nothing");
            postgres.restart();

            try (Connection connection = DriverManager.getConnection(first); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT body FROM notes WHERE id = 1")) {
                assertTrue(rows.next(), "the committed row is lost after the crash");
                assertEquals("خبر عاجل", rows.getString(1));
            }
            try (Connection connection = DriverManager.getConnection(second); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'notes'")) {
                rows.next();
                assertEquals(0, rows.getInt(1), "the second database sees the first one's table");
            }
        }
    }

    @Test
    void aStoppedServerRefusesConnectionsUntilRestarted() throws Exception {
        try (Postgres postgres = Postgres.start()) {
            String url = postgres.createDatabase();
            postgres.stop();
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close());
            postgres.restart();
            try (Connection connection = DriverManager.getConnection(url)) {
                assertFalse(connection.isClosed());
            }
        }
    }

    @Test
    void theSharedServerIsOneServer() throws Exception {
        assertEquals(Postgres.shared().port(), Postgres.shared().port());
        try (Connection connection = DriverManager.getConnection(Postgres.shared().createDatabase())) {
            assertTrue(connection.isValid(5));
        }
    }
}
