package org.minbar.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishers posting one article at a time to POST /api/articles, each on its own thread over the
 * shared keep-alive client, until a deadline or a number of articles: what was accepted (any 2xx),
 * how long each answer took, and the newest article stored.
 */
final class PublishLoad {

    /** The newest article a run stored: its id and the word only it contains. */
    record Newest(long id, String name) {}

    /** What a run did; seconds run from the start to the last answer. */
    record Result(int publishers, int accepted, int failed, double seconds, Latencies latencies, String firstFailure,
                  Newest newest) {
        double rate() {
            return seconds > 0 ? accepted / seconds : 0;
        }
    }

    private final MinbarClient client;
    private final String run;
    private final AtomicLong serial;

    /** Articles are numbered from {@code serial}, shared with every other load of the run so guids stay unique. */
    PublishLoad(MinbarClient client, String run, AtomicLong serial) {
        this.client = client;
        this.run = run;
        this.serial = serial;
    }

    Result run(int publishers, Duration duration, long maxArticles) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long last = serial.get() + Math.min(maxArticles, Integer.MAX_VALUE);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        AtomicReference<Newest> newest = new AtomicReference<>(new Newest(0, ""));
        AtomicLong finished = new AtomicLong(start);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            ArabicNews news = new ArabicNews(run, serial.get() * 31 + p);
            threads.add(started("publisher-" + p, () -> {
                for (long n = serial.incrementAndGet(); n <= last && System.nanoTime() < deadline; n = serial.incrementAndGet()) {
                    ArabicNews.NewsArticle article = news.article(n);
                    byte[] body = article.json();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.publish(body);
                        long answered = System.nanoTime();
                        finished.accumulateAndGet(answered, Math::max);
                        if (response.statusCode() / 100 == 2) {
                            latencies.add(answered - sent);
                            Newest stored = new Newest(MinbarClient.idOf(response), article.name());
                            newest.accumulateAndGet(stored, (a, b) -> a.id() >= b.id() ? a : b);
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet("", response.statusCode() + " " + snippet(response.body()));
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet("", e.toString());
                        if (e instanceof InterruptedException) {
                            return;
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Latencies times = Latencies.of(latencies);
        return new Result(publishers, times.count(), failed.get(), (finished.get() - start) / 1e9, times, firstFailure.get(),
                newest.get());
    }

    /** A platform thread, started. */
    static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    static String snippet(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
