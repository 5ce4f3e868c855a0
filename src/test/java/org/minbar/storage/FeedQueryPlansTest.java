package org.minbar.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.model.Author;

// Covers FeedQuery in SQLite: the index each feed query walks (checked with EXPLAIN QUERY PLAN), whatever the store's size.
class FeedQueryPlansTest {

    private static final Instant T = ArticleStoreTest.JAN_30;

    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(folder);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void siteQueryWalksTheLivePublishedIndexWithoutSorting() {
        String plan = plan(FeedQuery.site(20), false);
        assertTrue(plan.contains("USING INDEX articles_live_by_published"), plan);
        assertFalse(plan.contains("TEMP B-TREE"), plan);
    }

    @Test
    void categoryQueryWalksTheCategoryFeedIndexWithoutSorting() {
        String plan = plan(FeedQuery.inCategory(1, 20), true);
        assertTrue(plan.contains("USING COVERING INDEX article_categories_feed (category_id=?)"), plan);
        assertTrue(plan.contains("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)"), plan);
        assertFalse(plan.contains("TEMP B-TREE"), plan);
    }

    @Test
    void authorQueryWalksTheAuthorFeedIndexWithoutSorting() {
        String plan = plan(FeedQuery.byAuthor(1, 20), true);
        assertTrue(plan.contains("USING COVERING INDEX article_authors_feed (author_id=?)"), plan);
        assertTrue(plan.contains("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)"), plan);
        assertFalse(plan.contains("TEMP B-TREE"), plan);
    }

    @Test
    void tagQueryWalksTheTagFeedIndexWithoutSorting() {
        String plan = plan(FeedQuery.withTag(1, 20), true);
        assertTrue(plan.contains("USING COVERING INDEX article_tags_feed (tag_id=?)"), plan);
        assertFalse(plan.contains("TEMP B-TREE"), plan);
    }

    @Test
    void olderPagesWalkTheSameIndexesAndLookUpTheCurrentDocumentByPrimaryKey() {
        String site = plan(FeedQuery.site(20).olderPage(2), false);
        assertTrue(site.contains("USING INDEX articles_live_by_published"), site);
        assertTrue(site.contains("SEARCH e USING PRIMARY KEY (kind=? AND term_id=? AND article_id=?)"), site);
        assertFalse(site.contains("TEMP B-TREE"), site);
        String category = plan(FeedQuery.inCategory(1, 20).olderPage(3), true);
        assertTrue(category.contains("USING COVERING INDEX article_categories_feed (category_id=?)"), category);
        assertTrue(category.contains("SEARCH e USING PRIMARY KEY (kind=? AND term_id=? AND article_id=?)"), category);
        assertFalse(category.contains("TEMP B-TREE"), category);
    }

    @Test
    void theCurrentDocumentReadsOnlyTheRowsStillCurrentNotEverythingTheFeedHeld() {
        String plan = database.read(c -> {
            try (PreparedStatement statement = c.prepareStatement("EXPLAIN QUERY PLAN " + FeedEntries.currentSql())) {
                statement.setString(1, "site");
                statement.setLong(2, 0);
                List<String> details = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        details.add(rows.getString("detail"));
                    }
                }
                return String.join("\n", details);
            }
        });
        assertTrue(plan.contains("SEARCH e USING INDEX feed_entries_current (kind=? AND term_id=?)"), plan);
    }

    @Test
    void plansStillUseTheIndexesOnceTheTablesHaveStatistics() {
        database.write(c -> {
            long syria = Terms.categories().upsert(c, "سوريا", "سوريا");
            for (int i = 0; i < 50; i++) {
                ArticleStoreTest.insertIn(c, "a" + i, T.plusSeconds(i), syria);
            }
            DatabaseTest.update(c, "ANALYZE");
            return null;
        });
        assertTrue(plan(FeedQuery.site(20), false).contains("articles_live_by_published"));
        assertTrue(plan(FeedQuery.inCategory(1, 20), true).contains("article_categories_feed"));
        assertFalse(plan(FeedQuery.inCategory(1, 20), true).contains("TEMP B-TREE"));
    }

    @Test
    void tombstonesOfACategoryAuthorOrTagWalkTheRecentDeletionsNotTheFeed() {
        for (FeedQuery query : List.of(FeedQuery.inCategory(1, 20), FeedQuery.byAuthor(1, 20), FeedQuery.withTag(1, 20))) {
            String plan = database.read(c -> explain(c, query.tombstonesSql(), true));
            assertTrue(plan.contains("USING INDEX articles_deleted (deleted_at>?)"), plan);
            assertTrue(plan.contains("(article_id=? AND "), "each deletion's link is one primary-key lookup: " + plan);
            assertFalse(plan.contains("TEMP B-TREE"), plan);
        }
    }

    /** The EXPLAIN QUERY PLAN details of the query, one per line. */
    private String plan(FeedQuery query, boolean filtered) {
        return database.read(c -> explain(c, query.sql(), filtered));
    }

    private static String explain(Connection c, String sql, boolean filtered) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            int index = 1;
            if (filtered) {
                statement.setLong(index++, 1);
            }
            statement.setInt(index, 20);
            List<String> details = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    details.add(rows.getString("detail"));
                }
            }
            return String.join("\n", details);
        }
    }
}
