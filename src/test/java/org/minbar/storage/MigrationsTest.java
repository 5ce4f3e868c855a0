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
            assertEquals("article_authors,article_categories,article_tags,articles,authors,categories,computed_related,feed_validators,feed_versions,"
                            + "related_links,schema_migrations,tags,websub_deliveries,websub_hub_pings,websub_subscriptions",
                    database.read(c -> DatabaseTest.query(c, "SELECT group_concat(name, ',') FROM"
                            + " (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)")));
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
