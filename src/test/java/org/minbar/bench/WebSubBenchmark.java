package org.minbar.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.minbar.storage.Database;
import org.minbar.storage.SqliteDatabase;
import org.minbar.support.Articles;
import org.minbar.support.Subscriber;
import org.minbar.support.TestServer;

/**
 * WebSub delivery over real loopback HTTP: a real server, real subscribers (one HTTP server
 * answering on many callback paths), articles published through the JSON API one after another.
 * For each number of subscribers of the site's Atom feed it prints the publish round trip and the
 * time from the publish to the first and to the last subscriber's delivery (median and worst of
 * the rounds), as ratios to the publish round trip with no subscribers measured in the same run.
 * A last row adds stalled subscribers (answering after the hub's 10 s request timeout) and a dead
 * one (connection refused) beside the live ones. Not part of the test suite: run bench/websub.sh.
 */
public final class WebSubBenchmark {

    private static final int ROUNDS = 10;
    private static final int STALLED = 8;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String TOPIC_PATH = "/feed/atom/";

    private record Round(double publishMs, double firstMs, double lastMs) {}

    public static void main(String[] args) throws Exception {
        int[] counts = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {1, 100, 1000};
        System.out.printf(Locale.ROOT, "%-26s %20s %22s %22s%n", "subscribers", "publish ms (x base)",
                "first delivery ms", "last delivery ms");
        run(0, 0); // warms up the JIT, so that the baseline is not the cold start
        double base = median(run(0, 0).stream().mapToDouble(Round::publishMs).toArray());
        System.out.printf(Locale.ROOT, "%-26s %11.1f (x1.00) %22s %22s%n", "0 (baseline)", base, "-", "-");
        for (int count : counts) {
            print(String.valueOf(count), run(count, 0), base);
        }
        int live = counts[Math.min(1, counts.length - 1)];
        print(live + " + " + STALLED + " stalled + 1 dead", run(live, STALLED), base);
    }

    private static void print(String label, List<Round> rounds, double base) {
        double publish = median(rounds.stream().mapToDouble(Round::publishMs).toArray());
        double[] first = rounds.stream().mapToDouble(Round::firstMs).toArray();
        double[] last = rounds.stream().mapToDouble(Round::lastMs).toArray();
        System.out.printf(Locale.ROOT, "%-26s %11.1f (x%.2f) %8.1f (worst %7.1f) %8.1f (worst %7.1f)%n", label, publish,
                publish / base, median(first), Arrays.stream(first).max().orElse(0), median(last),
                Arrays.stream(last).max().orElse(0));
    }

    /** A fresh server with {@code live} verified subscribers (and the stalled and dead ones), then ROUNDS publishes. */
    private static List<Round> run(int live, int stalled) throws Exception {
        Path folder = Files.createTempDirectory("minbar-websub-bench");
        Path storage = Files.createDirectories(folder.resolve("storage"));
        String settings = "{\"websub\": {\"allowPrivateCallbacks\": true, \"maxSubscriptions\": 100000}}";
        try (TestServer server = TestServer.withSiteSettings(storage, settings);
             Subscriber subscribers = Subscriber.start();
             Subscriber slow = Subscriber.start().answerPostsAfter(Duration.ofSeconds(15))) {
            String topic = server.base() + TOPIC_PATH;
            subscribeAll(server, subscribers, live, topic);
            subscribeAll(server, slow, stalled, topic);
            if (stalled > 0) {
                subscribeDead(server, storage, topic);
            }
            awaitSubscriptions(storage, live + stalled + (stalled > 0 ? 1 : 0));
            List<Round> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                String guid = "urn:bench:websub-" + live + "-" + stalled + "-" + round;
                long start = System.nanoTime();
                Instant published = Instant.now();
                HttpResponse<byte[]> response = server.postJson(Articles.brief(guid, "خبر القياس " + round, "سوريا",
                        "نور الدين", "2026-01-01T10:00:00Z"));
                double publishMs = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("publish answered " + response.statusCode() + ": " + TestServer.text(response));
                }
                rounds.add(awaitDeliveries(subscribers, live, guid, published, publishMs));
            }
            return rounds;
        } finally {
            deleteTree(folder);
        }
    }

    /** Subscribes {@code count} callbacks in batches the hub's verification queue can hold, each answered. */
    private static void subscribeAll(TestServer server, Subscriber subscriber, int count, String topic) throws Exception {
        for (int i = 0; i < count; i++) {
            HttpResponse<byte[]> answer = server.postForm("/websub", "hub.mode", "subscribe", "hub.topic", topic,
                    "hub.callback", subscriber.url("/cb/" + i), "hub.secret", "secret-" + i);
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("subscribe answered " + answer.statusCode() + ": " + TestServer.text(answer));
            }
            if (i % 200 == 199) {
                for (int v = 0; v < 200; v++) {
                    subscriber.nextVerification(WAIT);
                }
            }
        }
    }

    /** A verified subscription whose callback then stops answering: its port refuses connections. */
    private static void subscribeDead(TestServer server, Path storage, String topic) throws Exception {
        try (Subscriber doomed = Subscriber.start()) {
            server.postForm("/websub", "hub.mode", "subscribe", "hub.topic", topic, "hub.callback", doomed.url("/cb/dead"));
            doomed.nextVerification(WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (count(storage, "SELECT count(*) FROM websub_subscriptions WHERE callback LIKE '%/cb/dead'") == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } // closed: from now on its port refuses connections
    }

    private static void awaitSubscriptions(Path storage, int expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count(storage, "SELECT count(*) FROM websub_subscriptions") < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long stored = count(storage, "SELECT count(*) FROM websub_subscriptions");
        if (stored != expected) {
            throw new IllegalStateException("expected " + expected + " subscriptions, the hub holds " + stored);
        }
    }

    /** Waits for every live callback to receive the feed holding this round's article. */
    private static Round awaitDeliveries(Subscriber subscriber, int live, String guid, Instant published, double publishMs)
            throws InterruptedException {
        Set<String> reached = new HashSet<>();
        Instant first = null;
        Instant last = null;
        while (reached.size() < live) {
            Subscriber.Received post = subscriber.nextPost(WAIT);
            if (post == null) {
                throw new IllegalStateException(reached.size() + " of " + live + " subscribers got " + guid + " within " + WAIT);
            }
            if (post.text().contains(guid) && reached.add(post.path())) {
                first = first == null ? post.at() : first;
                last = post.at();
            }
        }
        return new Round(publishMs, live == 0 ? 0 : millis(published, first), live == 0 ? 0 : millis(published, last));
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static long count(Path storage, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + storage.resolve(SqliteDatabase.FILE_NAME));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.getLong(1);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private static void deleteTree(Path folder) throws Exception {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
