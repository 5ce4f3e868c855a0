package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.minbar.storage.Database;
import org.minbar.storage.FeedEntries;
import org.minbar.storage.FeedId;
import org.minbar.websub.Doorbell;

// The archive invariants on a real SQLite file: whole pages, oldest first, never moved again.
@Tag(TestStores.BOTH)
class FeedHistoryTest {

    private static final SiteLinks LINKS = new SiteLinks(new SiteConfig("منبر", "وصف", "https://news.example", "ar", 20,
            12_000, 30, Map.of(), Map.of()));

    @TempDir
    Path storage;
    Database database;
    final FeedEntries entries = new FeedEntries();

    @BeforeEach
    void open() {
        database = TestStores.open(storage);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ArticleService service(int pageSize) {
        return new ArticleService(database, new ArticleReaders("https://news.example"), new FeedHistory(pageSize),
                Derivation.leftToTheServer(database), LINKS, Clock.systemUTC());
    }

    /** Articles from..to, published an hour apart in that order. */
    private List<Long> publish(ArticleService articles, int from, int to) {
        List<Long> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            String json = String.format(Locale.ROOT, "{\"guid\": \"urn:test:%d\", \"title\": \"خبر %d\", \"content\": \"<p>نص</p>\","
                    + " \"published\": \"2024-03-%02dT%02d:00:00Z\"}", i, i, 1 + i / 24, i % 24);
            ids.add(articles.submit(new Submission("application/json", json.getBytes(StandardCharsets.UTF_8))).article().id());
        }
        return ids;
    }

    private List<Long> current() {
        return database.read(connection -> entries.current(connection, FeedId.SITE));
    }

    private int archives() {
        return database.read(connection -> entries.archives(connection, FeedId.SITE));
    }

    @Test
    void theCurrentDocumentHoldsBetweenOneAndTwoPagesAndArchivesAreWholePages() {
        ArticleService articles = service(5);
        List<Long> ids = publish(articles, 1, 9);
        assertEquals(9, current().size(), "under two pages nothing is archived");
        assertEquals(0, archives());
        ids.addAll(publish(articles, 10, 10));
        assertEquals(1, archives());
        assertEquals(5, current().size());
        assertEquals(ids.subList(0, 5), sorted(database.read(c -> entries.archived(c, FeedId.SITE, 1))), "the oldest page");
        ids.addAll(publish(articles, 11, 23));
        assertEquals(3, archives());
        assertEquals(8, current().size());
        assertEquals(ids.subList(10, 15), sorted(database.read(c -> entries.archived(c, FeedId.SITE, 3))));
    }

    @Test
    void catchingUpArchivesWhatALargerPageSizeLeftAndIsIdempotent() {
        List<Long> ids = publish(service(50), 1, 63);
        assertEquals(63, current().size());
        FeedHistory smaller = new FeedHistory(10);
        assertEquals(5, smaller.catchUp(database), "(63 - 10) / 10 whole pages");
        assertEquals(13, current().size());
        assertEquals(ids.subList(0, 10), sorted(database.read(c -> entries.archived(c, FeedId.SITE, 1))));
        assertEquals(ids.subList(40, 50), sorted(database.read(c -> entries.archived(c, FeedId.SITE, 5))));
        assertEquals(0, smaller.catchUp(database), "nothing left to archive");
    }

    @Test
    void aDeletedArticleLeavesTheCurrentDocumentButStaysInItsArchive() {
        ArticleService articles = service(5);
        List<Long> ids = publish(articles, 1, 12);
        articles.delete(ids.get(0));
        articles.delete(ids.get(11));
        assertEquals(ids.subList(0, 5), sorted(database.read(c -> entries.archived(c, FeedId.SITE, 1))));
        assertTrue(!current().contains(ids.get(11)));
        assertEquals(6, current().size());
    }

    @Test
    void aPageSizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FeedHistory(0));
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids.stream().sorted().toList();
    }
}
