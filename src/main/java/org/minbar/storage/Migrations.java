package org.minbar.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The schema's history, append-only: each migration runs once, in order, in its own transaction,
 * and is recorded with a checksum in schema_migrations (and, in SQLite, PRAGMA user_version). A
 * recorded migration whose file has since changed stops the start: applied migrations are never
 * edited. Each dialect has its own spelling of every migration, under the same name; PostgreSQL
 * nodes starting together take turns (an advisory lock), so each migration runs once.
 */
final class Migrations {

    /** Append new files here; never reorder, rename or edit one that has been released. */
    static final List<String> FILES = List.of(
            "001_initial.sql",
            "002_deleted_index.sql",
            "003_computed_related.sql",
            "004_tag_feeds.sql",
            "005_feed_versions.sql",
            "006_feed_archives.sql",
            "007_websub.sql",
            "008_websub_one_pending.sql",
            "009_change_log.sql",
            "010_feed_counts.sql",
            "011_stale_related_index.sql",
            "012_websub_delivered.sql",
            "013_websub_lanes.sql",
            "014_term_keys.sql",
            "015_related_reasons.sql",
            "016_subscriber_stats.sql");

    private Migrations() {}

    /** The advisory lock PostgreSQL nodes hold while they bring the schema up to date. */
    private static final long MIGRATION_LOCK = 0x6d696e6261720001L;

    static void apply(Connection connection) throws SQLException {
        apply(connection, Dialect.SQLITE);
    }

    static void apply(Connection connection, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            }
            try {
                applyAll(connection, dialect);
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
                }
            }
        } else {
            applyAll(connection, dialect);
        }
    }

    private static void applyAll(Connection connection, Dialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS schema_migrations ("
                    + " version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        for (int i = 0; i < FILES.size(); i++) {
            int version = i + 1;
            String name = FILES.get(i);
            String sql = load(dialect, name);
            String checksum = sha256(sql);
            String recorded = recordedChecksum(connection, version);
            if (recorded == null) {
                run(connection, dialect, version, name, sql, checksum);
            } else if (!recorded.equals(checksum)) {
                throw new StorageException("migration " + name + " was edited after it was applied to this database;"
                        + " add a new migration instead");
            }
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static void run(Connection connection, Dialect dialect, int version, String name, String sql, String checksum)
            throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String command : statements(sql)) {
                statement.executeUpdate(command);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, name);
                insert.setString(3, checksum);
                insert.setString(4, Instant.now().toString());
                insert.executeUpdate();
            }
            if (dialect == Dialect.SQLITE) {
                statement.executeUpdate("PRAGMA user_version = " + version);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw new StorageException("migration " + name + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Splits a migration at semicolons that end a line, outside a dollar-quoted body ($$ … $$, a
     * PostgreSQL function's); so a SQLite trigger is written on one line, and no literal holds ';\n'.
     */
    static List<String> statements(String sql) {
        List<String> statements = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        for (String line : sql.split("\n")) {
            int comment = line.indexOf("--");
            String code = comment >= 0 ? line.substring(0, comment) : line;
            current.append(code).append('\n');
            if (code.split("\\$\\$", -1).length % 2 == 0) {
                inBody = !inBody; // an odd number of $$ on the line opens or closes a body
            }
            String trimmed = code.stripTrailing();
            if (!inBody && trimmed.endsWith(";")) {
                add(statements, current.toString().stripTrailing());
                current.setLength(0);
            }
        }
        add(statements, current.toString());
        return List.copyOf(statements);
    }

    private static void add(List<String> statements, String text) {
        String statement = text.strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).strip();
        }
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
    }

    private static String recordedChecksum(Connection connection, int version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT checksum FROM schema_migrations WHERE version = ?")) {
            query.setInt(1, version);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    static String load(String name) {
        return load(Dialect.SQLITE, name);
    }

    static String load(Dialect dialect, String name) {
        String resource = "/" + dialect.migrations() + name;
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new StorageException("migration " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("cannot read migration " + resource, e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
