package org.minbar.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.minbar.storage.PostgresDatabase;

// Covers the PostgreSQL dialect of the migrations (db/migrations/postgresql): one file per SQLite migration, applied
// in order by the server's own migration runner, gives every table, and migration 010's feed_counts triggers keep the
// live counts as articles are linked, soft-deleted, restored and unlinked.
class PostgresMigrationsIT {

    private static final Path SQLITE = Path.of("src/main/resources/db/migrations");
    private static final Path POSTGRESQL = SQLITE.resolve("postgresql");

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql")).sorted().toList();
        }
    }

    /** Brings a new database to this build's schema with the migration runner the server uses. */
    private static void migrate(String url) {
        PostgresDatabase.open(url, java.util.Optional.empty(), java.util.Optional.empty()).close();
    }

    @Test
    void everySqliteMigrationHasItsPostgresqlDialect() throws IOException {
        assertEquals(names(SQLITE), names(POSTGRESQL));
        assertEquals(16, names(POSTGRESQL).size());
    }

    @Test
    void theMigrationsGiveEveryTable() throws Exception {
        String url = Postgres.shared().createDatabase();
        migrate(url);
        Set<String> tables = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertEquals(new TreeSet<>(List.of("articles", "authors", "categories", "tags", "article_authors", "article_categories",
                "article_tags", "related_links", "feed_validators", "computed_related", "feed_versions", "feed_entries",
                "websub_subscriptions", "websub_deliveries", "websub_hub_pings", "changes", "change_marks", "feed_counts",
                "term_keys", "stats_feed_days", "stats_aggregator_counts", "stats_pollers", "stats_salts", "schema_migrations")), tables);
    }

    private static Map<String, Long> counts(Statement statement) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT kind, term_id, live FROM feed_counts")) {
            while (rows.next()) {
                counts.put(rows.getString(1) + ":" + rows.getLong(2), rows.getLong(3));
            }
        }
        return counts;
    }

    @Test
    void theFeedCountsTriggersFollowLinksDeletionsAndRestores() throws Exception {
        String url = Postgres.shared().createDatabase();
        migrate(url);
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            assertEquals(Map.of("site:0", 0L), counts(statement), "an empty database");
            statement.execute("INSERT INTO categories (id, slug, name) VALUES (1, 'syria', 'سوريا'), (2, 'egypt', 'مصر')");
            statement.execute("INSERT INTO authors (id, slug, name) VALUES (1, 'nour', 'نور')");
            statement.execute("INSERT INTO tags (id, slug, name) VALUES (1, 'idlib', 'إدلب')");
            // 1786000000000 ms: an instant past 2^31, which an INTEGER column would not hold.
            statement.execute("INSERT INTO articles (feed_id, path, title, summary, content, language, published_at, updated_at,"
                    + " created_at, modified_at) VALUES ('urn:x:1', 'p/1', 't', 's', 'c', 'ar', 1786000000000, 1786000000000,"
                    + " 1786000000000, 1786000000000)");
            statement.execute("INSERT INTO article_categories VALUES (1, 1, 0, 1786000000000), (1, 2, 1, 1786000000000)");
            statement.execute("INSERT INTO article_authors VALUES (1, 1, 0, 1786000000000)");
            statement.execute("INSERT INTO article_tags VALUES (1, 1, 0, 1786000000000)");
            assertEquals(Map.of("site:0", 1L, "category:1", 1L, "category:2", 1L, "author:1", 1L, "tag:1", 1L), counts(statement));

            statement.execute("UPDATE articles SET deleted_at = 1786000000001 WHERE id = 1");
            assertEquals(Map.of("site:0", 0L, "category:1", 0L, "category:2", 0L, "author:1", 0L, "tag:1", 0L), counts(statement),
                    "a soft delete leaves every feed");
            statement.execute("UPDATE articles SET deleted_at = 1786000000002 WHERE id = 1");
            statement.execute("DELETE FROM article_categories WHERE article_id = 1 AND category_id = 2");
            assertEquals(Map.of("site:0", 0L, "category:1", 0L, "category:2", 0L, "author:1", 0L, "tag:1", 0L), counts(statement),
                    "deleting again, or unlinking a deleted article, counts nothing");

            statement.execute("UPDATE articles SET deleted_at = NULL WHERE id = 1");
            assertEquals(Map.of("site:0", 1L, "category:1", 1L, "category:2", 0L, "author:1", 1L, "tag:1", 1L), counts(statement),
                    "a restore comes back to the feeds it is still linked to");

            statement.execute("DELETE FROM article_categories WHERE article_id = 1");
            statement.execute("DELETE FROM article_tags WHERE article_id = 1");
            statement.execute("INSERT INTO article_categories VALUES (1, 2, 0, 1786000000000)");
            assertEquals(Map.of("site:0", 1L, "category:1", 0L, "category:2", 1L, "author:1", 1L, "tag:1", 0L), counts(statement),
                    "relinking moves the article between feeds");

            statement.execute("INSERT INTO articles (feed_id, path, title, summary, content, language, published_at, updated_at,"
                    + " created_at, modified_at, deleted_at) VALUES ('urn:x:2', 'p/2', 't', 's', 'c', 'ar', 1, 1, 1, 1, 1)");
            statement.execute("INSERT INTO article_authors VALUES (2, 1, 0, 1)");
            assertEquals(1L, counts(statement).get("author:1"), "an article written deleted counts nowhere");
        }
    }
}
