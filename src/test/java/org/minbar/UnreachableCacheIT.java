package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.TestServer;
import org.minbar.support.Varnish;

/**
 * A cache that cannot be reached, or that takes a connection and never answers, costs publishers
 * nothing: writes are answered as fast as without one, the feeds show them at once, and the
 * purges wait in the log (their lag and failures counted) until the cache is back.
 */
class UnreachableCacheIT {

    @TempDir
    Path folder;

    private static double sample(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(metrics);
        assertTrue(line.find(), name + " in " + metrics);
        return Double.parseDouble(line.group(1));
    }

    @Test
    void publishingNeverWaitsForACacheThatIsDownOrStalled() throws Exception {
        int refusing = Varnish.freePort(); // nothing listens there
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(stalled.accept()); // takes the PURGE, never answers
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (TestServer minbar = TestServer.behindCache(folder.resolve("storage"), "{}", 60,
                    List.of(URI.create("http://127.0.0.1:" + stalled.getLocalPort() + "/"),
                            URI.create("http://127.0.0.1:" + refusing + "/")))) {
                long slowest = 0;
                for (int i = 1; i <= 5; i++) {
                    String title = "خبر لا ينتظر الوسيط " + i;
                    long started = System.nanoTime();
                    HttpResponse<byte[]> created = minbar.postJson(Articles.brief("urn:test:unreachable:" + i, title, "مصر",
                            "نور الدين", "2026-03-0" + i + "T10:00:00Z"));
                    slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
                    assertEquals(201, created.statusCode());
                    assertTrue(TestServer.text(minbar.get("/feed/")).contains(title), "the feed shows it at once");
                }
                // A purge waits up to 5 s for the stalled cache's answer: a publish that waited for it would take that long.
                assertTrue(slowest < 3_000, "the slowest publish, derived data included, took " + slowest + " ms");
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                String metrics;
                do {
                    Thread.sleep(200);
                    metrics = TestServer.text(minbar.get("/metrics", "Authorization", "Bearer " + TestServer.TOKEN));
                } while (sample(metrics, "minbar_cache_purge_failures_total") < 1 && System.nanoTime() < deadline);
                assertTrue(sample(metrics, "minbar_cache_purge_failures_total") >= 1, metrics);
                assertEquals(0.0, sample(metrics, "minbar_cache_purges_total"), "the stalled cache took nothing");
                assertEquals(5.0, sample(metrics, "minbar_cache_purge_lag_changes"), "every change still to purge");
                assertTrue(held.size() >= 1, "the purger reached the stalled cache");
                System.out.printf(java.util.Locale.ROOT, "UnreachableCacheIT: slowest publish %d ms with the caches down%n", slowest);
            }
        } finally {
            synchronized (held) {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }
}
