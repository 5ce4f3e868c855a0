package org.minbar.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;
import org.minbar.model.Author;

// Covers migration 010: the live count a feed's paging reads from one row stays equal to counting the feed's articles.
@Tag(TestStores.BOTH)
class FeedCountsTest {

    private static final Instant AT = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path folder;
    private Database database;
    private final ArticleStore articles = new ArticleStore();
    private long syria;
    private long egypt;
    private long writer;
    private long tag;

    @BeforeEach
    void open() {
        database = TestStores.open(folder);
        database.write(c -> {
            syria = Terms.categories().upsert(c, "سوريا", "سوريا");
            egypt = Terms.categories().upsert(c, "مصر", "مصر");
            tag = Terms.tags().upsert(c, "إدلب", "إدلب");
            writer = new AuthorStore().upsert(c, new Author("نور", "نور", Optional.empty(), Optional.empty()));
            return null;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long insert(Connection c, String key, List<Long> categories) throws SQLException {
        long id = articles.insert(c, new ArticleRow("urn:x:" + key, Optional.of("urn:x:" + key), Optional.empty(), "p/" + key,
                "t", "s", "<p>c</p>", Optional.empty(), "ar", AT, AT, AT, AT));
        articles.replaceLinks(c, id, AT, List.of(writer), categories, List.of(tag), List.of());
        return id;
    }

    /** What the triggers keep, beside what counting every link says, for the site, both categories, the author and the tag. */
    private void assertCountsMatch() {
        database.read(c -> {
            assertEquals(count(c, "SELECT count(*) FROM articles WHERE deleted_at IS NULL"), FeedQuery.site(20).count(c), "site");
            for (long category : List.of(syria, egypt)) {
                assertEquals(count(c, "SELECT count(*) FROM article_categories l JOIN articles a ON a.id = l.article_id"
                        + " WHERE a.deleted_at IS NULL AND l.category_id = " + category), FeedQuery.inCategory(category, 20).count(c),
                        "category " + category);
            }
            assertEquals(count(c, "SELECT count(*) FROM article_authors l JOIN articles a ON a.id = l.article_id"
                    + " WHERE a.deleted_at IS NULL"), FeedQuery.byAuthor(writer, 20).count(c), "author");
            assertEquals(count(c, "SELECT count(*) FROM article_tags l JOIN articles a ON a.id = l.article_id"
                    + " WHERE a.deleted_at IS NULL"), FeedQuery.withTag(tag, 20).count(c), "tag");
            return null;
        });
    }

    private static long count(Connection c, String sql) throws SQLException {
        return Long.parseLong(DatabaseTest.query(c, sql));
    }

    @Test
    void countsFollowInsertsRelinksDeletesAndRestores() {
        long first = database.write(c -> insert(c, "1", List.of(syria)));
        long second = database.write(c -> insert(c, "2", List.of(syria, egypt)));
        assertCountsMatch();
        database.read(c -> {
            assertEquals(2, FeedQuery.inCategory(syria, 20).count(c));
            return null;
        });
        database.write(c -> { // moved from سوريا to مصر
            articles.replaceLinks(c, first, AT, List.of(writer), List.of(egypt), List.of(), List.of());
            return null;
        });
        assertCountsMatch();
        database.write(c -> {
            articles.markDeleted(c, second, AT.plusSeconds(60));
            return null;
        });
        assertCountsMatch();
        database.write(c -> { // relinked while deleted: nothing counts until it is restored
            articles.replaceLinks(c, second, AT, List.of(writer), List.of(syria), List.of(tag), List.of());
            return null;
        });
        assertCountsMatch();
        database.write(c -> {
            articles.replace(c, second, new ArticleRow("urn:x:2", Optional.of("urn:x:2"), Optional.empty(), "p/2", "t", "s",
                    "<p>c</p>", Optional.empty(), "ar", AT, AT, AT, AT.plusSeconds(120)));
            return null;
        });
        assertCountsMatch();
        database.read(c -> {
            assertEquals(2, FeedQuery.site(20).count(c));
            assertEquals(1, FeedQuery.inCategory(syria, 20).count(c));
            assertEquals(1, FeedQuery.inCategory(egypt, 20).count(c));
            return null;
        });
    }
}
