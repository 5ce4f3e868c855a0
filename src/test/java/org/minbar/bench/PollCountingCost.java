package org.minbar.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.minbar.service.SubscriberStatistics;
import org.minbar.storage.Database;

/**
 * What counting one poll costs a serving thread, in nanoseconds: {@link SubscriberStatistics#polled}
 * called by two threads at once (as two I/O threads would), cycling through N distinct
 * User-Agents of which one in ten reports a subscriber count, with the 10-second flush to a real
 * SQLite store running beside them. Prints the cost per call and the flushes' time.
 *
 * <p>Usage: PollCountingCost AGENTS CALLS_PER_THREAD
 */
public final class PollCountingCost {

    public static void main(String[] args) throws Exception {
        int agents = Integer.parseInt(args[0]);
        long calls = Long.parseLong(args[1]);
        String[] userAgents = new String[agents];
        String[] addresses = new String[agents];
        for (int i = 0; i < agents; i++) {
            addresses[i] = "203.0.113." + (i & 255);
            userAgents[i] = i % 10 == 0
                    ? String.format(Locale.ROOT, "Feedly/1.0 (+http://www.feedly.com/fetcher.html; %d subscribers; feed-id=bench%d)", i % 5000, i % 97)
                    : "BenchReader/" + i + " (+https://reader.example/bench)";
        }
        Path folder = Files.createTempDirectory("minbar-poll-cost");
        try (Database database = Database.open(folder);
             SubscriberStatistics statistics = new SubscriberStatistics(database, Clock.systemUTC())) {
            statistics.start();
            run(statistics, userAgents, addresses, calls / 10); // warm-up: the JIT compiles the hot path
            statistics.flush();
            long began = System.nanoTime();
            run(statistics, userAgents, addresses, calls);
            long elapsed = System.nanoTime() - began;
            long flushBegan = System.nanoTime();
            statistics.flush();
            long flushNanos = System.nanoTime() - flushBegan;
            for (int i = 0; i < agents; i++) {
                statistics.polled("/category/new/feed/", false, addresses[i], userAgents[i]);
            }
            long newBegan = System.nanoTime();
            statistics.flush();
            long newNanos = System.nanoTime() - newBegan;
            System.out.printf(Locale.ROOT, "%,d calls on 2 threads, %,d distinct User-Agents: %.0f ns a call (wall time per call per thread)%n",
                    2 * calls, agents, (double) elapsed / calls);
            System.out.printf(Locale.ROOT, "a flush of %,d returning pollers: %.0f ms; of %,d new ones: %.0f ms"
                    + " (on the stats thread; new hashes in transactions of 2,000)%n", agents, flushNanos / 1e6, agents, newNanos / 1e6);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(SubscriberStatistics statistics, String[] userAgents, String[] addresses, long calls) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(2);
        for (int t = 0; t < 2; t++) {
            int thread = t;
            new Thread(() -> {
                for (long i = 0; i < calls; i++) {
                    int n = (int) ((i * 2 + thread) % userAgents.length);
                    // fresh strings, as a server reads them from each request, whose hash codes are not yet known
                    statistics.polled(new String("/feed/"), (i & 3) != 0, new String(addresses[n]), new String(userAgents[n]));
                }
                done.countDown();
            }).start();
        }
        done.await();
    }
}
