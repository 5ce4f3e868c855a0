package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;
import org.minbar.config.SiteConfig;
import org.minbar.ingest.ArticleReaders;
import org.minbar.model.Submission;
import org.minbar.publish.SiteLinks;
import org.minbar.related.ArticleIndex;
import org.minbar.storage.Database;
import org.minbar.storage.RelatedStore;

// Covers the index's promises: derived data that a restart rebuilds or catches up, so SQLite alone is the truth.
@Tag(TestStores.BOTH)
class RelatedIndexingTest {

    private static final SiteLinks LINKS = new SiteLinks(new SiteConfig("منبر", "وصف", "https://news.example", "ar", 20, 12_000,
            30, Map.of(), Map.of()));
    private static final List<String> STORIES = List.of(
            story("idlib-1", "هدنة هشة في إدلب مع تجدد القصف على ريفها الجنوبي", "تجدد القصف المدفعي على قرى ريف إدلب الجنوبي رغم الهدنة."),
            story("idlib-2", "نزوح آلاف المدنيين من ريف إدلب بعد خرق الهدنة", "نزح آلاف المدنيين من قرى ريف إدلب إثر القصف وخرق الهدنة."),
            story("idlib-3", "تركيا وروسيا تبحثان تثبيت الهدنة في إدلب", "بحث مسؤولون أتراك وروس سبل تثبيت الهدنة في محافظة إدلب."),
            story("football-1", "المنتخب يفوز في تصفيات كأس العالم بهدفين", "فاز المنتخب الوطني لكرة القدم بهدفين في تصفيات كأس العالم."));

    @TempDir
    Path storage;
    Database database;
    ArticleIndex index;
    Derivation derivation;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void open() {
        database = TestStores.open(storage);
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
        database.close();
    }

    private static String story(String key, String title, String text) {
        return "{\"guid\": \"urn:test:" + key + "\", \"title\": \"" + title + "\", \"content\": \"<p>" + text + "</p>\","
                + " \"categories\": [\"أخبار\"], \"published\": \"2024-03-01T10:00:00Z\"}";
    }

    /** A service whose changes are derived into this index when {@link #post} returns. */
    private ArticleService following() {
        derivation = Derivation.following(database, index, Clock.systemUTC(), new FeedCache(),
                new HubOutbox(LINKS, new org.minbar.websub.Doorbell(), Clock.systemUTC()), progress::add);
        return service(derivation);
    }

    /** A service whose changes nothing derives: as a crash between the database's commit and the index's leaves them. */
    private ArticleService notFollowing() {
        derivation = Derivation.leftToTheServer(database);
        return service(derivation);
    }

    private ArticleService service(Derivation derivation) {
        return new ArticleService(database, new ArticleReaders("https://news.example"), new FeedHistory(20), derivation, LINKS,
                Clock.systemUTC());
    }

    private List<Long> post(ArticleService articles, List<String> stories) {
        return post(articles, stories, true);
    }

    private List<Long> post(ArticleService articles, List<String> stories, boolean derive) {
        List<Long> ids = new ArrayList<>();
        for (String json : stories) {
            ids.add(articles.submit(new Submission("application/json", json.getBytes(StandardCharsets.UTF_8))).article().id());
        }
        if (derive) {
            derivation.catchUp();
        }
        return ids;
    }

    /** As the server does at start: a new follower brings the index and the lists up to the log. */
    private void restartDerivation() {
        following();
        derivation.catchUp();
    }

    private List<List<Long>> lists(List<Long> ids) {
        RelatedStore store = new RelatedStore();
        List<List<Long>> lists = new ArrayList<>();
        for (long id : ids) {
            lists.add(database.read(c -> store.of(c, id)).stream().map(RelatedStore.Scored::id).toList());
        }
        return lists;
    }

    @Test
    void eachWriteGetsAListOfItsMostSimilarArticlesAndNeverItself() {
        index = ArticleIndex.open(storage.resolve("index"));
        List<Long> ids = post(following(), STORIES);
        List<List<Long>> lists = lists(ids);
        for (int i = 0; i < 3; i++) {
            assertFalse(lists.get(i).contains(ids.get(i)));
            assertTrue(lists.get(i).subList(0, 2).stream().allMatch(id -> ids.subList(0, 3).contains(id)),
                    "the Idlib stories first: " + lists.get(i));
        }
        assertEquals(4, index.count());
    }

    @Test
    void aNewArticleMarksTheListsItWouldEnterStaleAndTheyKeepTheirStoriesUntilComputedAgain() {
        index = ArticleIndex.open(storage.resolve("index"));
        ArticleService articles = following();
        List<Long> first = post(articles, STORIES.subList(0, 2));
        assertEquals(List.of(List.of(first.get(1)), List.of(first.get(0))), lists(first));
        long before = database.read(new org.minbar.storage.ChangeLog()::latest);

        long third = post(articles, List.of(STORIES.get(2)), false).get(0);
        RelatedIndexing indexing = new RelatedIndexing(database, index, Clock.systemUTC());
        RelatedIndexing.Lists taken = indexing.take(database.read(c -> new org.minbar.storage.ChangeLog().after(c, before, 500)));
        assertEquals(java.util.Set.of(third), taken.byArticle().keySet(), "the batch's own article is computed at once");
        assertEquals(java.util.Set.copyOf(first), taken.stale(), "the two lists it would enter are left for later");
        database.write(c -> {
            indexing.store(c, taken);
            return null;
        });
        assertEquals(List.of(List.of(first.get(1)), List.of(first.get(0))), lists(first), "stale lists are still shown");
        assertTrue(derivation.isPending(first.get(0)), "and reported as pending");

        assertEquals(2, indexing.refreshStale(50, () -> { }));
        for (List<Long> list : lists(first)) {
            assertTrue(list.contains(third), "computed again, with the new article: " + list);
        }
        assertFalse(derivation.isPending(first.get(0)));
        assertEquals(0, indexing.refreshStale(50, () -> { }));
    }

    @Test
    void deletingTheIndexFolderLosesNothing() throws Exception {
        index = ArticleIndex.open(storage.resolve("index"));
        List<Long> ids = post(following(), STORIES);
        List<List<Long>> before = lists(ids);
        index.close();
        try (Stream<Path> files = Files.walk(storage.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        index = ArticleIndex.open(storage.resolve("index"));
        progress.clear();
        restartDerivation();
        assertEquals(4, index.count());
        assertTrue(progress.contains("search index: rebuilt with 4 articles"), progress.toString());
        assertEquals(before, lists(ids));
    }

    @Test
    void aWriteTheIndexMissedIsTakenInAtStart() {
        index = ArticleIndex.open(storage.resolve("index"));
        List<Long> ids = post(following(), STORIES.subList(0, 2));
        // The database committed, the index never heard of it: as after a crash between the two commits.
        ids.addAll(post(notFollowing(), STORIES.subList(2, 4)));
        assertEquals(2, index.count());
        restartDerivation();
        assertEquals(4, index.count());
        assertTrue(lists(ids).get(2).contains(ids.get(0)), "the missed Idlib story now has its related list");
    }

    @Test
    void aCorruptIndexIsStartedAfreshAndRebuilt() throws Exception {
        index = ArticleIndex.open(storage.resolve("index"));
        post(following(), STORIES);
        index.close();
        try (Stream<Path> files = Files.list(storage.resolve("index"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4});
            }
        }
        index = ArticleIndex.open(storage.resolve("index"));
        assertEquals(0, index.count());
        restartDerivation();
        assertEquals(4, index.count());
    }

    @Test
    void anIndexBuiltWithOtherAnalysisIsRebuilt() {
        index = ArticleIndex.open(storage.resolve("index"), false);
        post(following(), STORIES);
        index.close();
        index = ArticleIndex.open(storage.resolve("index"));
        assertFalse(index.analysisIsCurrent());
        progress.clear();
        restartDerivation();
        assertTrue(progress.contains("search index: rebuilt with 4 articles"), progress.toString());
        assertTrue(progress.contains("related stories: 4 lists to compute again with the new ranking"), progress.toString());
        assertTrue(index.analysisIsCurrent());
    }

    @Test
    void aSecondOpenerIsToldTheIndexIsInUseAndTouchesNothing() {
        index = ArticleIndex.open(storage.resolve("index"));
        post(following(), STORIES);
        org.junit.jupiter.api.Assertions.assertThrows(ArticleIndex.InUseException.class,
                () -> ArticleIndex.open(storage.resolve("index")));
        assertEquals(4, index.count());
    }

    @Test
    void anIndexBuiltFromAnotherStoreIsRebuiltFromThisOneInsteadOfMixingInArticlesItDoesNotHave() {
        index = ArticleIndex.open(storage.resolve("index"));
        post(following(), STORIES);
        derivation.catchUp();
        assertEquals(STORIES.size(), index.count());
        database.close();
        index.close();

        // The same storage folder (and so the same index) pointed at another, new store: as a node
        // given another --database, or a store put back from elsewhere.
        database = TestStores.open(storage.resolve("other-store"));
        index = ArticleIndex.open(storage.resolve("index"));
        List<Long> ids = post(following(), STORIES.subList(0, 2));
        assertEquals(2, index.count(), "only this store's articles: " + progress);
        assertTrue(progress.stream().anyMatch(line -> line.contains("built from another store")), progress.toString());
        for (List<Long> list : lists(ids)) {
            assertTrue(ids.containsAll(list), "related stories are this store's own articles: " + list);
        }
    }
}
