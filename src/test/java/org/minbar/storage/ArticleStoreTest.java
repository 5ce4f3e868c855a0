package org.minbar.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.Category;
import org.minbar.model.RelatedReference;
import org.minbar.model.Tag;

// Covers ArticleStore: insert/find round trip with ordered links, deletion, replacement and related-by-category lookups.
@org.junit.jupiter.api.Tag(TestStores.BOTH)
class ArticleStoreTest {

    static final Instant JAN_30 = Instant.parse("2020-01-30T11:10:00Z");

    @TempDir
    Path folder;

    private Database database;
    private final ArticleStore articles = new ArticleStore();

    @BeforeEach
    void open() {
        database = TestStores.open(folder);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void insertedArticleIsFoundWithEveryColumnAndLinksInOrder() {
        long id = database.write(c -> {
            long article = articles.insert(c, new ArticleRow("urn:minbar:test:1", Optional.of("urn:minbar:test:1"),
                    Optional.of("https://news.example/a"), "2020/01/30/هجوم-على-ادلب", "هجوم على إدلب", "ملخص",
                    "<p>نص</p>", Optional.of("https://img.example/a.jpg"), "ar", JAN_30, JAN_30.plusSeconds(3600),
                    JAN_30.plusSeconds(7200), JAN_30.plusSeconds(7200)));
            AuthorStore authors = new AuthorStore();
            long sara = authors.upsert(c, new Author("سارة-المنصوري", "سارة المنصوري", Optional.empty(), Optional.empty()));
            long nour = authors.upsert(c, new Author("نور-الدين", "نور الدين", Optional.of("كاتب"),
                    Optional.of("https://news.example/nour")));
            long russia = Terms.categories().upsert(c, "روسيا", "روسيا");
            long syria = Terms.categories().upsert(c, "سوريا", "سُورِيَا");
            long idlib = Terms.tags().upsert(c, "ادلب", "إدلب");
            long ceasefire = Terms.tags().upsert(c, "وقف-اطلاق-النار", "وقف إطلاق النار");
            articles.replaceLinks(c, article, JAN_30, List.of(sara, nour), List.of(syria, russia), List.of(ceasefire, idlib),
                    List.of(new RelatedReference("ثانٍ", Optional.empty(), Optional.of("urn:minbar:test:2")),
                            new RelatedReference("أول", Optional.of("https://other.example/1"), Optional.empty())));
            return article;
        });

        Article found = database.read(c -> articles.find(c, id)).orElseThrow();

        assertEquals(new Article(id, "urn:minbar:test:1", Optional.of("urn:minbar:test:1"),
                Optional.of("https://news.example/a"), "2020/01/30/هجوم-على-ادلب", "هجوم على إدلب", "ملخص", "<p>نص</p>",
                List.of(new Author("سارة-المنصوري", "سارة المنصوري", Optional.empty(), Optional.empty()),
                        new Author("نور-الدين", "نور الدين", Optional.of("كاتب"), Optional.of("https://news.example/nour"))),
                List.of(new Category("سوريا", "سُورِيَا"), new Category("روسيا", "روسيا")),
                List.of(new Tag("وقف-اطلاق-النار", "وقف إطلاق النار"), new Tag("ادلب", "إدلب")),
                JAN_30, JAN_30.plusSeconds(3600), Optional.of("https://img.example/a.jpg"),
                List.of(new RelatedReference("ثانٍ", Optional.empty(), Optional.of("urn:minbar:test:2")),
                        new RelatedReference("أول", Optional.of("https://other.example/1"), Optional.empty())),
                "ar", JAN_30.plusSeconds(7200), JAN_30.plusSeconds(7200), Optional.empty()), found);
    }

    @Test
    void findOfUnknownIdIsEmpty() {
        assertEquals(Optional.empty(), database.read(c -> articles.find(c, 42)));
    }

    @Test
    void articleIsFoundByGuidUrlAndPath() {
        long id = database.write(c -> insert(c, "g1", JAN_30));
        assertEquals(Optional.of(id), database.read(c -> articles.idByGuid(c, "urn:minbar:test:g1")));
        assertEquals(Optional.of(id), database.read(c -> articles.idByUrl(c, "https://news.example/g1")));
        assertEquals(Optional.of(id), database.read(c -> articles.idByPath(c, "2020/01/30/g1")));
        assertTrue(database.<Boolean>read(c -> articles.pathTaken(c, "2020/01/30/g1")));
        assertFalse(database.<Boolean>read(c -> articles.pathTaken(c, "2020/01/30/g2")));
    }

    @Test
    void loadReturnsArticlesInTheOrderOfTheIdsGivenSkippingUnknownOnes() {
        long first = database.write(c -> insert(c, "a", JAN_30));
        long second = database.write(c -> insert(c, "b", JAN_30));
        assertEquals(List.of(second, first), database.read(c -> articles.load(c, List.of(second, 999L, first)))
                .stream().map(Article::id).toList());
    }

    @Test
    void markDeletedHidesTheArticleFromTheSiteFeedButFindStillReturnsIt() {
        long kept = database.write(c -> insert(c, "kept", JAN_30));
        long gone = database.write(c -> insert(c, "gone", JAN_30.plusSeconds(60)));
        assertEquals(List.of(gone, kept), database.read(c -> FeedQuery.site(10).ids(c)));

        Instant when = JAN_30.plusSeconds(3600);
        database.write(c -> {
            articles.markDeleted(c, gone, when);
            return null;
        });

        assertEquals(List.of(kept), database.read(c -> FeedQuery.site(10).ids(c)));
        Article deleted = database.read(c -> articles.find(c, gone)).orElseThrow();
        assertEquals(Optional.of(when), deleted.deleted());
        assertEquals(when, deleted.modified());
        assertEquals(Optional.of(when), database.read(articles::lastChange));
    }

    @Test
    void replaceUndeletesAndKeepsFeedIdPathAndCreation() {
        long id = database.write(c -> insert(c, "r", JAN_30));
        database.write(c -> {
            articles.markDeleted(c, id, JAN_30.plusSeconds(60));
            articles.replace(c, id, new ArticleRow("ignored", Optional.of("urn:minbar:test:r"), Optional.empty(),
                    "ignored/path", "عنوان جديد", "ملخص جديد", "<p>جديد</p>", Optional.empty(), "ar-EG",
                    JAN_30, JAN_30.plusSeconds(120), JAN_30.plusSeconds(120), JAN_30.plusSeconds(120)));
            return null;
        });
        Article replaced = database.read(c -> articles.find(c, id)).orElseThrow();
        assertEquals("urn:minbar:test:r", replaced.feedId());
        assertEquals("2020/01/30/r", replaced.path());
        assertEquals(JAN_30, replaced.created());
        assertEquals("عنوان جديد", replaced.title());
        assertEquals(Optional.empty(), replaced.url());
        assertEquals("ar-EG", replaced.language());
        assertEquals(Optional.empty(), replaced.deleted());
    }

    /** A live article whose guid, url, title and path derive from {@code key}, without links. */
    static long insert(Connection c, String key, Instant published) throws SQLException {
        return new ArticleStore().insert(c, new ArticleRow("urn:minbar:test:" + key, Optional.of("urn:minbar:test:" + key),
                Optional.of("https://news.example/" + key), "2020/01/30/" + key, key, "ملخص " + key, "<p>" + key + "</p>",
                Optional.empty(), "ar", published, published, JAN_30, JAN_30));
    }

    /** An article linked to the given categories, in order. */
    static long insertIn(Connection c, String key, Instant published, long... categoryIds) throws SQLException {
        long id = insert(c, key, published);
        new ArticleStore().replaceLinks(c, id, published, List.of(), java.util.Arrays.stream(categoryIds).boxed().toList(),
                List.of(), List.of());
        return id;
    }
}
