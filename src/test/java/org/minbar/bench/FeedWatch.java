package org.minbar.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reader fetching /feed/ whole every 100 ms on its own thread while something else goes on:
 * how long each answer took, how many failed (not 200, an error or over 10 s), and the longest
 * time without a good answer.
 */
final class FeedWatch implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What the reader saw. */
    record Result(Latencies answers, int failed, double longestGapMs, String firstFailure) {}

    private final MinbarClient client;
    private final ConcurrentLinkedQueue<Long> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong longestGap = new AtomicLong();
    private volatile String firstFailure = "";
    private volatile boolean stopped;
    private final Thread thread;

    FeedWatch(MinbarClient client) {
        this.client = client;
        this.thread = PublishLoad.started("feed-watch", this::watch);
    }

    private void watch() {
        long lastGood = System.nanoTime();
        while (!stopped) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> feed = client.get("/feed/", Optional.empty(), TIMEOUT);
                long end = System.nanoTime();
                if (feed.statusCode() == 200) {
                    answers.add(end - start);
                    longestGap.accumulateAndGet(end - lastGood, Math::max);
                    lastGood = end;
                } else {
                    fail(feed.statusCode() + " " + PublishLoad.snippet(feed.body()));
                }
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                fail(e.toString());
            }
        }
        longestGap.accumulateAndGet(System.nanoTime() - lastGood, Math::max);
    }

    private void fail(String why) {
        failed.incrementAndGet();
        if (firstFailure.isEmpty()) {
            firstFailure = why;
        }
    }

    /** Stops the reader and says what it saw. */
    Result stop() {
        stopped = true;
        try {
            thread.join(TIMEOUT.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(Latencies.of(answers), failed.get(), longestGap.get() / 1e6, firstFailure);
    }

    @Override
    public void close() {
        stop();
    }
}
