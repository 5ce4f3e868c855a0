package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;
import org.minbar.config.Display;
import org.minbar.config.SiteConfig;
import org.minbar.ingest.ArticleReaders;
import org.minbar.model.Article;
import org.minbar.model.FeedKey;
import org.minbar.model.Submission;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.Database;
import org.minbar.storage.FeedEntries;
import org.minbar.storage.SubscriptionStore;
import org.minbar.storage.TermTable;
import org.minbar.storage.Terms;

// One identity per term on a real SQLite file: an import's slugs, names posted later, spellings,
// feeds/categories.json, and stores from before term keys that hold one category twice.
@Tag(TestStores.BOTH)
class TermIdentityTest {

    private static final SiteConfig SITE = new SiteConfig("منبر", "وصف", "https://news.example", "ar", 20, 12_000, 30,
            Map.of(), Map.of());

    @TempDir
    Path storage;
    Database database;

    @BeforeEach
    void open() {
        database = TestStores.open(storage);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ArticleService service(SiteConfig site) {
        return new ArticleService(database, new ArticleReaders(site.baseUrl()), new FeedHistory(20),
                Derivation.leftToTheServer(database), new SiteLinks(site), Clock.systemUTC());
    }

    private void importExport(ArticleService articles) throws URISyntaxException {
        ImportReport report = new Importer(articles, line -> { }).importAll(
                List.of(Path.of(TermIdentityTest.class.getResource("/wxr/arabic-export.xml").toURI())));
        assertEquals(List.of(), report.failures());
    }

    private Article post(ArticleService articles, String guid, String categories, String tags, String author) {
        String json = "{\"guid\": \"urn:test:" + guid + "\", \"title\": \"خبر " + guid + "\", \"content\": \"<p>نص</p>\","
                + " \"categories\": [" + categories + "], \"tags\": [" + tags + "], \"author\": \"" + author + "\"}";
        return articles.submit(new Submission("application/json", json.getBytes(StandardCharsets.UTF_8))).article();
    }

    private List<String> slugs(TermTable table) {
        return database.read(connection -> Terms.of(table).all(connection).stream().map(Terms.Term::slug).sorted().toList());
    }

    @Test
    void namesPostedAfterAnImportJoinTheImportedSlugsInAnySpelling() throws Exception {
        ArticleService articles = service(SITE);
        importExport(articles);
        List<String> categoriesBefore = slugs(TermTable.CATEGORY);
        List<String> authorsBefore = slugs(TermTable.AUTHOR);
        assertTrue(categoriesBefore.contains("air-defence"), categoriesBefore.toString());
        assertTrue(authorsBefore.contains("sara-mansouri"), "an imported author's slug is WordPress's nicename: " + authorsBefore);

        Article named = post(articles, "1", "\"دفاع جوي\"", "\"باتريوت\"", "سارة المنصوري");
        Article spelled = post(articles, "2", "\"دِفاعٌ جَوّي\", \"دفاع-جوي\", \"air-defence\"", "\"patriot\"", "ساره المنصوري");

        assertEquals(List.of("air-defence"), named.categories().stream().map(c -> c.slug()).toList());
        assertEquals(List.of("air-defence"), spelled.categories().stream().map(c -> c.slug()).toList(),
                "three spellings of one category file the article once");
        assertEquals(List.of("patriot"), named.tags().stream().map(t -> t.slug()).toList());
        assertEquals(List.of("patriot"), spelled.tags().stream().map(t -> t.slug()).toList());
        assertEquals("sara-mansouri", named.authors().get(0).slug());
        assertEquals("sara-mansouri", spelled.authors().get(0).slug(), "taa marbuta written as haa is the same author");
        assertEquals(categoriesBefore, slugs(TermTable.CATEGORY), "no second category");
        assertEquals(authorsBefore, slugs(TermTable.AUTHOR), "no second author");
    }

    @Test
    void anImportedSlugReplacesTheOneMadeFromTheNameAndTheOldAddressMovesToIt() throws Exception {
        ArticleService articles = service(SITE);
        Article before = post(articles, "1", "\"دفاع جوي\"", "", "نور الدين");
        assertEquals("دفاع-جوي", before.categories().get(0).slug());
        importExport(articles);

        assertEquals(1, slugs(TermTable.CATEGORY).stream().filter(s -> s.equals("air-defence") || s.equals("دفاع-جوي")).count());
        Article after = database.read(connection -> new ArticleStore().find(connection, before.id()).orElseThrow());
        assertEquals("air-defence", after.categories().get(0).slug());
        assertEquals("noureddine", after.authors().get(0).slug(), "the author takes the export's nicename too");
        MovedException moved = assertThrows(MovedException.class, () -> database.read(connection ->
                FeedSubject.find(connection, SITE, FeedKey.category("دفاع-جوي"), 20)));
        assertEquals(FeedKey.category("air-defence"), moved.to());
        assertEquals(FeedKey.author("noureddine"), assertThrows(MovedException.class, () -> database.read(connection ->
                FeedSubject.find(connection, SITE, FeedKey.author("نور-الدين"), 20))).to());
        assertEquals(FeedKey.category("air-defence"), database.read(connection ->
                FeedSubject.find(connection, SITE, FeedKey.category("air-defence"), 20)).key());
    }

    @Test
    void aSlugInCategoriesJsonIsTheCategoryOfItsNameAndTakesOverTheOneMadeBefore() {
        Article before = post(service(SITE), "1", "\"دفاع جوي\"", "", "نور الدين");
        assertEquals("دفاع-جوي", before.categories().get(0).slug());
        SiteConfig configured = new SiteConfig("منبر", "وصف", "https://news.example", "ar", 20, 12_000, 30,
                Map.of("air-defence", new Display("الدفاع الجوي", Optional.empty(), Optional.empty()),
                        "naval", new Display("بحرية", Optional.empty(), Optional.empty())),
                Map.of());
        // The name in the file differs from the stored one: the slug is matched, not the name, so configure both spellings' owner by key.
        SiteConfig sameName = new SiteConfig("منبر", "وصف", "https://news.example", "ar", 20, 12_000, 30,
                Map.of("air-defence", new Display("دفاع جوي", Optional.empty(), Optional.empty())), Map.of());
        assertEquals(1, new TermIdentity(sameName, new SiteLinks(sameName), new FeedHistory(20), Clock.systemUTC()).reconcile(database));
        assertEquals(List.of("air-defence"), slugs(TermTable.CATEGORY));

        Article navy = post(service(configured), "2", "\"بَحريّة\"", "", "نور الدين");
        assertEquals("naval", navy.categories().get(0).slug(), "a configured name files under its configured slug from the first post");
    }

    @Test
    void anEntryOfCategoriesJsonWithoutASlugOnlyDescribesAndNeverRenamesAnImportedSlug() throws Exception {
        SiteConfig described = new SiteConfig("منبر", "وصف", "https://news.example", "ar", 20, 12_000, 30,
                Map.of("دفاع-جوي", new Display("دفاع جوي", Optional.of("أخبار الدفاع الجوي"), Optional.empty())), Map.of());
        ArticleService articles = service(described);
        importExport(articles);
        assertEquals(0, new TermIdentity(described, new SiteLinks(described), new FeedHistory(20), Clock.systemUTC())
                .reconcile(database));
        assertTrue(slugs(TermTable.CATEGORY).contains("air-defence"), slugs(TermTable.CATEGORY).toString());
        assertEquals("air-defence", post(articles, "1", "\"دفاع جوي\"", "", "نور الدين").categories().get(0).slug());
        FeedSubject subject = database.read(connection -> FeedSubject.find(connection, described, FeedKey.category("air-defence"), 20));
        assertEquals("أخبار الدفاع الجوي", subject.description(), "the entry still describes the category under its imported slug");
    }

    /** A store written before term keys, holding «دفاع جوي» as air-defence (imported) and دفاع-جوي (posted). */
    @Test
    void aStoreHoldingOneCategoryTwiceIsMergedAtStartWithItsFeedAndSubscribers() throws Exception {
        ArticleService articles = service(SITE);
        importExport(articles);
        Article posted = post(articles, "1", "\"دفاع جوي\"", "", "نور الدين");
        SiteLinks links = new SiteLinks(SITE);
        database.write(connection -> {
            execute(connection, "INSERT INTO categories (slug, name) VALUES ('دفاع-جوي', 'دفاع جوي')");
            long split = Terms.categories().findBySlug(connection, "دفاع-جوي").orElseThrow().id();
            long imported = Terms.categories().findBySlug(connection, "air-defence").orElseThrow().id();
            execute(connection, "UPDATE article_categories SET category_id = " + split + " WHERE article_id = " + posted.id()
                    + " AND category_id = " + imported);
            execute(connection, "UPDATE feed_entries SET term_id = " + split + " WHERE kind = 'category' AND article_id = "
                    + posted.id() + " AND term_id = " + imported);
            execute(connection, "DELETE FROM term_keys");
            new SubscriptionStore().upsert(connection, links.feed(FeedKey.category("دفاع-جوي"), org.minbar.model.FeedFormat.ATOM),
                    "https://reader.example/cb", null, Instant.now().plusSeconds(3600), Instant.now());
            return null;
        });
        assertTrue(slugs(TermTable.CATEGORY).contains("دفاع-جوي"), "the split store");

        assertEquals(1, new TermIdentity(SITE, links, new FeedHistory(20), Clock.systemUTC()).reconcile(database));

        assertTrue(!slugs(TermTable.CATEGORY).contains("دفاع-جوي"));
        database.read(connection -> {
            long imported = Terms.categories().findBySlug(connection, "air-defence").orElseThrow().id();
            assertTrue(new FeedEntries().current(connection, TermTable.CATEGORY.feed(imported)).contains(posted.id()),
                    "the posted article is in the merged feed");
            assertEquals(List.of(posted.id()).size(), Terms.categories().articles(connection, imported).stream()
                    .filter(id -> id == posted.id()).count());
            assertTrue(new SubscriptionStore().isActive(connection, links.feed(FeedKey.category("air-defence"),
                    org.minbar.model.FeedFormat.ATOM), "https://reader.example/cb", Instant.now()), "the subscriber follows the feed");
            return null;
        });
        assertEquals(0, new TermIdentity(SITE, links, new FeedHistory(20), Clock.systemUTC()).reconcile(database),
                "a second start finds nothing to merge");
    }

    private static void execute(java.sql.Connection connection, String sql) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
