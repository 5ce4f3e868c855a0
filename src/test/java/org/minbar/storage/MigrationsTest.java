package org.minbar.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Covers Migrations: applied once and recorded, not re-applied on reopening, refusal of an edited migration, and statement splitting.
class MigrationsTest {

    @TempDir
    Path folder;

    @Test
    void freshDatabaseIsAtTheLatestVersionWithEveryMigrationRecordedInOrder() {
        try (Database database = Database.open(folder)) {
            assertEquals(String.valueOf(Migrations.FILES.size()), database.read(c -> DatabaseTest.pragma(c, "user_version")));
            assertEquals(Migrations.FILES.size(), database.read(Migrations::currentVersion));
            assertEquals(java.util.stream.IntStream.range(0, Migrations.FILES.size())
                    .mapToObj(i -> (i + 1) + ":" + Migrations.FILES.get(i)).collect(java.util.stream.Collectors.joining(",")), database.read(c -> DatabaseTest.query(c,
                    "SELECT group_concat(version || ':' || name, ',') FROM (SELECT * FROM schema_migrations ORDER BY version)")));
            assertEquals("64", database.read(c -> DatabaseTest.query(c, "SELECT min(length(checksum)) FROM schema_migrations")));
        }
    }

    @Test
    void migrationCreatesTheSchema() {
        try (Database database = Database.open(folder)) {
            assertEquals("article_authors,article_categories,article_tags,articles,authors,categories,change_marks,changes,"
                            + "computed_related,feed_counts,feed_entries,feed_validators,feed_versions,"
                            + "related_links,schema_migrations,sqlite_sequence,stats_aggregator_counts,stats_feed_days,stats_pollers,stats_salts,tags,term_keys,websub_deliveries,websub_hub_pings,websub_subscriptions",
                    database.read(c -> DatabaseTest.query(c, "SELECT group_concat(name, ',') FROM"
                            + " (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)")));
        }
    }

    @Test
    void upgradingToArchivesPutsEveryLiveArticleInItsFeedsCurrentDocuments() {
        try (Database database = Database.open(folder)) {
            database.write(c -> {
                try (var statement = c.createStatement()) {
                    for (int id = 1; id <= 3; id++) {
                        statement.executeUpdate("INSERT INTO articles (id, feed_id, path, title, summary, content, language,"
                                + " published_at, updated_at, created_at, modified_at, deleted_at) VALUES (" + id + ", 'urn:x:" + id
                                + "', 'p" + id + "', 't', 's', 'c', 'ar', 1, 1, 1, 1, " + (id == 3 ? "2" : "NULL") + ")");
                    }
                    statement.executeUpdate("INSERT INTO categories (id, slug, name) VALUES (7, 'c', 'c')");
                    statement.executeUpdate("INSERT INTO article_categories VALUES (2, 7, 0, 1), (3, 7, 0, 1)");
                    // back to the schema before 006, as a database made by an older release
                    statement.executeUpdate("DROP TABLE feed_entries");
                    statement.executeUpdate("DELETE FROM schema_migrations WHERE version = 6");
                    statement.executeUpdate("PRAGMA user_version = 5");
                }
                return null;
            });
        }
        try (Database database = Database.open(folder)) {
            assertEquals("category:7:2,site:0:1,site:0:2", database.read(c -> DatabaseTest.query(c,
                    "SELECT group_concat(kind || ':' || term_id || ':' || article_id, ',') FROM"
                            + " (SELECT * FROM feed_entries WHERE page IS NULL ORDER BY kind, term_id, article_id)")),
                    "live articles only; the deleted one is in no current document");
        }
    }

    @Test
    void upgradingTheWebSubOutboxesKeepsOnePendingRowPerDestinationDueWhenItsSoonestWas() {
        try (Database database = Database.open(folder)) {
            database.write(c -> {
                try (var statement = c.createStatement()) {
                    // back to the outboxes of 007, as a database made by an older release
                    statement.executeUpdate("DROP TABLE websub_deliveries");
                    statement.executeUpdate("DROP TABLE websub_hub_pings");
                    for (String sql : Migrations.statements(Migrations.load("007_websub.sql"))) {
                        if (sql.contains("websub_deliveries") || sql.contains("websub_hub_pings")) {
                            statement.executeUpdate(sql);
                        }
                    }
                    statement.executeUpdate("DELETE FROM schema_migrations WHERE version = 8");
                    statement.executeUpdate("PRAGMA user_version = 7");
                    statement.executeUpdate("INSERT INTO websub_subscriptions (id, topic, callback, expires_at, created_at, renewed_at)"
                            + " VALUES (1, 't', 'https://a.example/cb', 9, 1, 1), (2, 't', 'https://b.example/cb', 9, 1, 1)");
                    statement.executeUpdate("INSERT INTO websub_deliveries (id, subscription_id, attempts, next_attempt_at, created_at)"
                            + " VALUES (10, 1, 3, 500, 1), (11, 1, 0, 100, 2), (12, 2, 1, 700, 1)");
                    statement.executeUpdate("INSERT INTO websub_hub_pings (id, hub, topic, attempts, next_attempt_at, created_at)"
                            + " VALUES (20, 'https://hub.example/', 't', 2, 900, 1), (21, 'https://hub.example/', 't', 0, 300, 2)");
                }
                return null;
            });
        }
        try (Database database = Database.open(folder)) {
            assertEquals("10:1:3:100:0,12:2:1:700:0", database.read(c -> DatabaseTest.query(c,
                    "SELECT group_concat(id || ':' || subscription_id || ':' || attempts || ':' || next_attempt_at || ':' || generation, ',')"
                            + " FROM (SELECT * FROM websub_deliveries ORDER BY id)")));
            assertEquals("20:300", database.read(c -> DatabaseTest.query(c,
                    "SELECT group_concat(id || ':' || next_attempt_at, ',') FROM websub_hub_pings")));
            assertThrows(StorageException.class, () -> database.write(c -> DatabaseTest.update(c,
                    "INSERT INTO websub_deliveries (subscription_id, next_attempt_at, created_at) VALUES (1, 1, 1)")),
                    "a second row for a subscription is refused");
        }
    }

    @Test
    void reopeningDoesNotReapplyTheMigration() {
        String appliedAt;
        try (Database database = Database.open(folder)) {
            appliedAt = database.read(c -> DatabaseTest.query(c, "SELECT group_concat(applied_at) FROM schema_migrations"));
            database.write(c -> DatabaseTest.update(c, "INSERT INTO tags (slug, name) VALUES ('سوريا', 'سوريا')"));
        }
        try (Database database = Database.open(folder)) {
            assertEquals(String.valueOf(Migrations.FILES.size()), database.read(c -> DatabaseTest.query(c, "SELECT count(*) FROM schema_migrations")));
            assertEquals(appliedAt, database.read(c -> DatabaseTest.query(c, "SELECT group_concat(applied_at) FROM schema_migrations")));
            assertEquals("سوريا", database.read(c -> DatabaseTest.query(c, "SELECT name FROM tags")));
            assertEquals(String.valueOf(Migrations.FILES.size()), database.read(c -> DatabaseTest.pragma(c, "user_version")));
        }
    }

    @Test
    void editedMigrationStopsTheDatabaseFromOpening() {
        try (Database database = Database.open(folder)) {
            database.write(c -> DatabaseTest.update(c, "UPDATE schema_migrations SET checksum = 'x'"));
        }
        StorageException e = assertThrows(StorageException.class, () -> Database.open(folder));
        assertEquals("migration 001_initial.sql was edited after it was applied to this database;"
                + " add a new migration instead", e.getMessage());
    }

    @Test
    void statementsSplitAtLineEndingSemicolonsAndDropComments() {
        String sql = "-- a comment; with a semicolon\n"
                + "CREATE TABLE a (x INTEGER); -- trailing\n"
                + "\n"
                + "CREATE INDEX a_x\n    ON a (x);\n"
                + "INSERT INTO a VALUES (1)";
        assertEquals(List.of("CREATE TABLE a (x INTEGER)", "CREATE INDEX a_x\n    ON a (x)", "INSERT INTO a VALUES (1)"),
                Migrations.statements(sql));
    }
}
