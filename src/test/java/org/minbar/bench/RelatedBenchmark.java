package org.minbar.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.minbar.config.SiteConfig;
import org.minbar.ingest.ArticleReaders;
import org.minbar.model.Submission;
import org.minbar.publish.SiteLinks;
import org.minbar.related.ArticleIndex;
import org.minbar.related.ArticleSearch;
import org.minbar.service.ArticleService;
import org.minbar.service.FeedCache;
import org.minbar.service.FeedHistory;
import org.minbar.service.HubOutbox;
import org.minbar.service.Derivation;
import org.minbar.related.IndexedArticle;
import org.minbar.related.RelatedFinder;
import org.minbar.storage.Database;
import org.minbar.websub.Doorbell;

/**
 * Prints, at two store sizes (default 10,000 then 100,000 articles of generated Arabic news text
 * in 40 topics): the median time to publish one article through the service until it is in the
 * feeds with its related stories (stored, indexed, its own list computed: the freshness an idle
 * server gives), and until the lists of the neighbours it may enter are computed again too
 * (publish+derive), the median time of a similarity query and of a two-word search, the rate at
 * which a burst of 2,000 articles (through the batch path) is derived, lists and neighbours', the
 * time to rebuild the whole index from SQLite, and the heap in use. Not part of the test suite;
 * run bench/related.sh.
 */
public final class RelatedBenchmark {

    private static final SiteLinks LINKS = new SiteLinks(new SiteConfig("منبر", "وصف", "https://news.example", "ar", 20, 12_000,
            30, Map.of(), Map.of()));

    private static final int TOPICS = 40;
    private static final int SAMPLES = 30;
    private static final int BURST = 2_000;

    public static void main(String[] args) throws Exception {
        int small = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int large = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path folder = Files.createTempDirectory("minbar-related-bench");
        Vocabulary words = new Vocabulary(new Random(7));
        System.out.printf(Locale.ROOT, "%-10s %11s %18s %20s %10s %16s %16s %8s %9s%n", "articles", "in feed ms", "publish+derive ms",
                "similarity query ms", "search ms", "burst catch-up/s", "index rebuild s", "heap MB", "segments");
        try (Database database = Database.open(folder)) {
            ArticleIndex index = ArticleIndex.open(folder.resolve("index"));
            int stored = 0;
            for (int size : new int[] {small, large}) {
                stored = fill(database, index, words, stored, size);
                Derivation derivation = Derivation.following(database, index, Clock.systemUTC(), new FeedCache(),
                        new HubOutbox(LINKS, new Doorbell(), Clock.systemUTC()), line -> { });
                ArticleService articles = new ArticleService(database, new ArticleReaders("https://news.example"),
                        new FeedHistory(20), derivation, LINKS, Clock.systemUTC());
                System.err.println("measuring from " + System.currentTimeMillis() + " (epoch ms, for JfrHotSpots)");
                double[] inFeed = new double[SAMPLES];
                double publish = median(SAMPLES, i -> {
                    long start = System.nanoTime();
                    articles.submit(new Submission("application/json",
                            words.json("urn:bench:probe-" + size + "-" + i, Math.floorMod(i, TOPICS)).getBytes(StandardCharsets.UTF_8)));
                    derivation.takeInLog(); // as an idle server derives one publish: indexed, its own list stored, feeds dropped
                    if (i >= 0) {
                        inFeed[i] = (System.nanoTime() - start) / 1e6;
                    }
                    derivation.refreshStaleLists(); // then the lists of the neighbours it may enter
                });
                Arrays.sort(inFeed);
                int segments;
                try (var reader = org.apache.lucene.index.DirectoryReader.open(
                        org.apache.lucene.store.FSDirectory.open(folder.resolve("index")))) {
                    segments = reader.leaves().size(); // of the last durable commit
                }
                RelatedFinder finder = new RelatedFinder(index);
                double similarity = median(SAMPLES, i -> finder.relatedTo(new IndexedArticle(-1, words.title(Math.floorMod(i, TOPICS)),
                        words.text(Math.floorMod(i, TOPICS)), List.of(), List.of(), List.of(), List.of(), Instant.now()), 10));
                stored += SAMPLES;
                ArticleSearch search = new ArticleSearch(index);
                double searching = median(SAMPLES, i -> search.search(words.query(Math.floorMod(i, TOPICS)), 20, Instant.now()));
                // A burst through the batch path, then everything it makes derived: its lists and the neighbours' it enters.
                for (int from = 0; from < BURST; from += 500) {
                    List<Submission> batch = new ArrayList<>();
                    for (int i = from; i < from + 500; i++) {
                        batch.add(new Submission("application/json", words.json("urn:bench:burst-" + size + "-" + i,
                                Math.floorMod(i, TOPICS)).getBytes(StandardCharsets.UTF_8)));
                    }
                    articles.submitAll(batch);
                }
                long burstStart = System.nanoTime();
                derivation.catchUp();
                double catchUp = BURST / ((System.nanoTime() - burstStart) / 1e9);
                stored += BURST;
                index.close();
                deleteTree(folder.resolve("index"));
                index = ArticleIndex.open(folder.resolve("index"));
                long start = System.nanoTime();
                Derivation.following(database, index, Clock.systemUTC(), new FeedCache(),
                        new HubOutbox(LINKS, new Doorbell(), Clock.systemUTC()), line -> { }).catchUp();
                double rebuild = (System.nanoTime() - start) / 1e9;
                System.gc();
                long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1_000_000;
                System.out.printf(Locale.ROOT, "%-10d %11.1f %18.1f %20.2f %10.2f %16.0f %16.1f %8d %9d%n", stored, inFeed[SAMPLES / 2],
                        publish, similarity, searching, catchUp, rebuild, heap, segments);
            }
            index.close();
        } finally {
            deleteTree(folder);
        }
    }

    /** Grows the store to {@code size} through the bulk path (as an import does), lists marked computed. */
    private static int fill(Database database, ArticleIndex index, Vocabulary words, int from, int size) {
        ArticleService articles = new ArticleService(database, new ArticleReaders("https://news.example"), new FeedHistory(20),
                Derivation.leftToTheServer(database), LINKS, Clock.systemUTC());
        for (int start = from; start < size; start += 500) {
            List<Submission> batch = new java.util.ArrayList<>();
            for (int i = start; i < Math.min(size, start + 500); i++) {
                batch.add(new Submission("application/json", words.json("urn:bench:" + i, Math.floorMod(i, TOPICS)).getBytes(StandardCharsets.UTF_8)));
            }
            articles.submitAll(batch);
        }
        // Index what was filled without computing every list: lists are not what is measured here.
        database.write(c -> {
            try (var statement = c.createStatement()) {
                statement.executeUpdate("UPDATE articles SET related_at = modified_at");
                statement.executeUpdate("INSERT INTO change_marks (follower, seq) SELECT 'derived', max(seq) FROM changes"
                        + " WHERE true ON CONFLICT (follower) DO UPDATE SET seq = excluded.seq");
            }
            return null;
        });
        // Made after the mark moved (a derivation reads it once): it only indexes what the log added.
        Derivation derivation = Derivation.following(database, index, Clock.systemUTC(), new FeedCache(),
                new HubOutbox(LINKS, new Doorbell(), Clock.systemUTC()), line -> { });
        derivation.catchUp(); // rebuilds or extends the index up to the log
        return size;
    }

    private interface Work {
        void run(int i) throws Exception;
    }

    private static double median(int samples, Work work) throws Exception {
        for (int i = 0; i < 5; i++) {
            work.run(-1 - i);
        }
        double[] times = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            work.run(i);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[samples / 2];
    }

    private static void deleteTree(Path folder) throws Exception {
        if (Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Generated Arabic news text: each topic draws mostly from its own words, partly from shared ones. */
    private static final class Vocabulary {
        private static final String LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        private final Random random;
        private final List<List<String>> topics = new ArrayList<>();
        private final List<String> common = new ArrayList<>();

        Vocabulary(Random random) {
            this.random = random;
            for (int i = 0; i < 400; i++) {
                common.add(word());
            }
            for (int t = 0; t < TOPICS; t++) {
                List<String> topic = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    topic.add(word());
                }
                topics.add(topic);
            }
        }

        private String word() {
            StringBuilder word = new StringBuilder();
            int length = 3 + random.nextInt(5);
            for (int i = 0; i < length; i++) {
                word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
            return word.toString();
        }

        private String sentence(int topic, int words) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < words; i++) {
                List<String> from = random.nextInt(3) == 0 ? common : topics.get(topic);
                text.append(i == 0 ? "" : " ").append(from.get(random.nextInt(from.size())));
            }
            return text.toString();
        }

        String json(String guid, int topic) {
            StringBuilder content = new StringBuilder();
            for (int p = 0; p < 4; p++) {
                content.append("<p>").append(sentence(topic, 40)).append("</p>");
            }
            return "{\"guid\": \"" + guid + "\", \"title\": \"" + sentence(topic, 8) + "\", \"content\": \"" + content
                    + "\", \"categories\": [\"قسم " + (topic % 8) + "\"], \"published\": \"2024-01-01T00:00:00Z\"}";
        }

        String title(int topic) {
            return sentence(topic, 8);
        }

        String text(int topic) {
            return sentence(topic, 160);
        }

        String query(int topic) {
            return topics.get(topic).get(random.nextInt(60)) + " " + topics.get(topic).get(random.nextInt(60));
        }
    }
}
