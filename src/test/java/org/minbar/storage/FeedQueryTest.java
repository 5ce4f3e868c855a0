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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;
import org.minbar.model.Author;

// Covers FeedQuery: the ids each feed query returns, on SQLite and (in the stores-on-postgresql run) on PostgreSQL.
// The index each query walks in SQLite is FeedQueryPlansTest's.
@Tag(TestStores.BOTH)
class FeedQueryTest {

    private static final Instant T = ArticleStoreTest.JAN_30;

    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void open() {
        database = TestStores.open(folder);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void siteFeedIsNewestFirstWithTheNewerIdFirstOnTiesAndStopsAtTheLimit() {
        List<Long> ids = database.write(c -> List.of(
                ArticleStoreTest.insert(c, "old", T),
                ArticleStoreTest.insert(c, "tie-1", T.plusSeconds(60)),
                ArticleStoreTest.insert(c, "tie-2", T.plusSeconds(60)),
                ArticleStoreTest.insert(c, "new", T.plusSeconds(120))));
        assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1)), database.read(c -> FeedQuery.site(3).ids(c)));
    }

    @Test
    void categoryFeedHasOnlyThatCategorysLiveArticles() {
        long[] ids = database.write(c -> {
            long syria = Terms.categories().upsert(c, "سوريا", "سوريا");
            long egypt = Terms.categories().upsert(c, "مصر", "مصر");
            long a = ArticleStoreTest.insertIn(c, "a", T, syria);
            long b = ArticleStoreTest.insertIn(c, "b", T.plusSeconds(10), egypt, syria);
            ArticleStoreTest.insertIn(c, "c", T.plusSeconds(20), egypt);
            long d = ArticleStoreTest.insertIn(c, "d", T.plusSeconds(30), syria);
            new ArticleStore().markDeleted(c, d, T.plusSeconds(40));
            return new long[] {syria, a, b};
        });
        assertEquals(List.of(ids[2], ids[1]), database.read(c -> FeedQuery.inCategory(ids[0], 10).ids(c)));
    }

    @Test
    void authorFeedHasOnlyThatAuthorsLiveArticles() {
        long[] ids = database.write(c -> {
            AuthorStore authors = new AuthorStore();
            long nour = authors.upsert(c, new Author("نور-الدين", "نور الدين", Optional.empty(), Optional.empty()));
            long sara = authors.upsert(c, new Author("سارة", "سارة", Optional.empty(), Optional.empty()));
            ArticleStore articles = new ArticleStore();
            long a = ArticleStoreTest.insert(c, "a", T.plusSeconds(10));
            articles.replaceLinks(c, a, T.plusSeconds(10), List.of(sara, nour), List.of(), List.of(), List.of());
            long b = ArticleStoreTest.insert(c, "b", T.plusSeconds(20));
            articles.replaceLinks(c, b, T.plusSeconds(20), List.of(sara), List.of(), List.of(), List.of());
            long d = ArticleStoreTest.insert(c, "d", T.plusSeconds(30));
            articles.replaceLinks(c, d, T.plusSeconds(30), List.of(nour), List.of(), List.of(), List.of());
            articles.markDeleted(c, d, T.plusSeconds(40));
            return new long[] {nour, sara, a, b};
        });
        assertEquals(List.of(ids[2]), database.read(c -> FeedQuery.byAuthor(ids[0], 10).ids(c)));
        assertEquals(List.of(ids[3], ids[2]), database.read(c -> FeedQuery.byAuthor(ids[1], 10).ids(c)));
    }

    @Test
    void tombstonesAreTheFeedsDeletionsSinceTheGivenInstantNewestFirst() {
        long syria = database.write(c -> {
            long category = Terms.categories().upsert(c, "سوريا", "سوريا");
            long egypt = Terms.categories().upsert(c, "مصر", "مصر");
            ArticleStore articles = new ArticleStore();
            long old = ArticleStoreTest.insertIn(c, "old", T, category);
            long recent = ArticleStoreTest.insertIn(c, "recent", T.plusSeconds(10), category);
            long newest = ArticleStoreTest.insertIn(c, "newest", T.plusSeconds(20), category);
            long elsewhere = ArticleStoreTest.insertIn(c, "elsewhere", T.plusSeconds(30), egypt);
            ArticleStoreTest.insertIn(c, "live", T.plusSeconds(40), category);
            articles.markDeleted(c, old, T.plusSeconds(100));
            articles.markDeleted(c, recent, T.plusSeconds(200));
            articles.markDeleted(c, newest, T.plusSeconds(300));
            articles.markDeleted(c, elsewhere, T.plusSeconds(400));
            return category;
        });
        List<String> ids = database.read(c -> FeedQuery.inCategory(syria, 10).tombstones(c, T.plusSeconds(150))).stream()
                .map(t -> t.feedId()).toList();
        assertEquals(List.of("urn:minbar:test:newest", "urn:minbar:test:recent"), ids);
        assertEquals(List.of(T.plusSeconds(400), T.plusSeconds(300)), database.read(c -> FeedQuery.site(2)
                .tombstones(c, T)).stream().map(t -> t.deleted()).toList(), "the site's, limited to the feed's size");
    }
}
