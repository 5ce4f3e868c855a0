package org.minbar.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.minbar.model.Author;
import org.minbar.storage.ArticleRow;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.AuthorStore;
import org.minbar.storage.Database;
import org.minbar.storage.SqliteDatabase;
import org.minbar.storage.FeedEntries;
import org.minbar.storage.FeedId;
import org.minbar.storage.FeedQuery;
import org.minbar.storage.Terms;

/**
 * Prints how long a feed's query takes (the ids of the newest 20 and loading those articles
 * whole) for the site, a category and an author at 10,000 stored articles, the baseline, and again
 * after growing the same database to 1,000,000; the ratio should stay near 1. Run with
 * bench/feed-query.sh; not part of the test suite.
 */
public final class FeedQueryBenchmark {

    private static final int CATEGORIES = 50;
    private static final int AUTHORS = 200;
    private static final int ITEMS = 20;
    private static final int RUNS = 300;
    private static final FeedEntries ENTRIES = new FeedEntries();

    public static void main(String[] args) throws Exception {
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path folder = Files.createTempDirectory("minbar-bench");
        try (SqliteDatabase database = Database.open(folder)) {
            long started = System.nanoTime();
            fill(database, 0, 10_000);
            System.out.printf(Locale.ROOT, "filled 10,000 articles in %.1f s%n", (System.nanoTime() - started) / 1e9);
            measure(database); // warm-up: the JIT would otherwise flatter whichever size is measured second
            double[] baseline = measure(database);
            started = System.nanoTime();
            fill(database, 10_000, large);
            System.out.printf(Locale.ROOT, "grew to %,d articles in %.1f s (database %,d MB)%n", large,
                    (System.nanoTime() - started) / 1e9, Files.size(database.file()) / 1_000_000);
            double[] grown = measure(database);
            String[] names = {"site", "category", "author", "site current", "category current", "site archive 1",
                    "site newest archive", "site page 2"};
            System.out.printf(Locale.ROOT, "%-20s %14s %16s %8s%n", "feed", "10,000 (ms)", String.format(Locale.ROOT, "%,d (ms)", large), "ratio");
            for (int i = 0; i < names.length; i++) {
                System.out.printf(Locale.ROOT, "%-20s %14.3f %16.3f %8.2f%n", names[i], baseline[i], grown[i], grown[i] / baseline[i]);
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Median milliseconds of RUNS executions of each document's query and load, after a warm-up. */
    private static double[] measure(Database database) {
        ArticleStore articles = new ArticleStore();
        FeedEntries entries = new FeedEntries();
        List<FeedQuery> queries = List.of(FeedQuery.site(ITEMS), FeedQuery.inCategory(7, ITEMS), FeedQuery.byAuthor(42, ITEMS));
        List<Documents> documents = new ArrayList<>();
        for (FeedQuery query : queries) {
            documents.add(c -> query.ids(c));
        }
        documents.add(c -> entries.current(c, FeedId.SITE));
        documents.add(c -> entries.current(c, FeedId.category(7)));
        documents.add(c -> entries.archived(c, FeedId.SITE, 1));
        documents.add(c -> entries.archived(c, FeedId.SITE, entries.archives(c, FeedId.SITE)));
        documents.add(c -> FeedQuery.site(ITEMS).olderPage(2).ids(c));
        double[] medians = new double[documents.size()];
        for (int q = 0; q < documents.size(); q++) {
            Documents document = documents.get(q);
            long[] times = new long[RUNS];
            for (int run = -50; run < RUNS; run++) {
                long start = System.nanoTime();
                int loaded = database.read(c -> articles.load(c, document.ids(c)).size());
                if (loaded < ITEMS) {
                    throw new IllegalStateException("expected at least " + ITEMS + " items, got " + loaded);
                }
                if (run >= 0) {
                    times[run] = System.nanoTime() - start;
                }
            }
            java.util.Arrays.sort(times);
            medians[q] = times[RUNS / 2] / 1e6;
        }
        return medians;
    }

    /** The article ids one feed document shows. */
    private interface Documents {
        List<Long> ids(Connection connection) throws SQLException;
    }

    private static void fill(Database database, int from, int to) {
        ArticleStore articles = new ArticleStore();
        AuthorStore authors = new AuthorStore();
        Terms categories = Terms.categories();
        List<Long> authorIds = new ArrayList<>();
        List<Long> categoryIds = new ArrayList<>();
        database.write(c -> {
            for (int i = 0; i < AUTHORS; i++) {
                authorIds.add(authors.upsert(c, new Author("كاتب-" + i, "كاتب " + i, Optional.empty(), Optional.empty())));
            }
            for (int i = 0; i < CATEGORIES; i++) {
                categoryIds.add(categories.upsert(c, "تصنيف-" + i, "تصنيف " + i));
            }
            return null;
        });
        Instant epoch = Instant.parse("2015-01-01T00:00:00Z");
        for (int batch = from; batch < to; batch += 10_000) {
            int start = batch;
            int end = Math.min(to, batch + 10_000);
            database.write(c -> {
                for (int i = start; i < end; i++) {
                    insert(c, articles, i, epoch.plusSeconds(i * 60L), authorIds, categoryIds);
                }
                return null;
            });
        }
    }

    private static void insert(Connection c, ArticleStore articles, int i, Instant published, List<Long> authorIds,
                               List<Long> categoryIds) throws SQLException {
        String content = "<p>خبر رقم " + i + " عن تطورات الميدان في المنطقة.</p>";
        long id = articles.insert(c, new ArticleRow("urn:bench:" + i, Optional.of("urn:bench:" + i), Optional.empty(),
                "bench/" + i, "خبر رقم " + i, "ملخص الخبر " + i, content, Optional.empty(), "ar",
                published, published, published, published));
        long author = authorIds.get(i % AUTHORS);
        List<Long> inCategories = List.of(categoryIds.get(i % CATEGORIES),
                categoryIds.get((i % CATEGORIES + 1 + (i / 7) % (CATEGORIES - 1)) % CATEGORIES));
        articles.replaceLinks(c, id, published, List.of(author), inCategories, List.of(), List.of());
        // what FeedHistory does in ArticleService's write: current documents, archived a page at a time
        List<FeedId> feeds = new ArrayList<>(List.of(FeedId.SITE, FeedId.author(author)));
        inCategories.forEach(category -> feeds.add(FeedId.category(category)));
        ENTRIES.place(c, id, feeds);
        for (FeedId feed : feeds) {
            ENTRIES.archive(c, feed, ITEMS);
        }
    }
}
