package org.minbar.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A burst of articles (through the batch endpoint, or 16 publishers of single POSTs when the server
 * has none), then waiting until the last one's derived data (search index, related stories) is
 * done ({@link Derived}), while a reader keeps fetching /feed/.
 */
final class CatchUp {

    /**
     * What happened: {@code derivedSeconds} from the burst's start until the newest article's
     * derived data was done, or until the wait ran out ({@code done} false; {@code derivedCount}
     * is then what bisection finds derived, assuming id order, or 0 when it cannot tell).
     */
    record Result(String how, int articles, int failed, double postSeconds, boolean done, double derivedSeconds,
                  long derivedCount, String detection, String firstFailure, FeedWatch.Result feed) {
        double derivedRate() {
            return derivedSeconds > 0 ? derivedCount / derivedSeconds : 0;
        }
    }

    private final MinbarClient client;
    private final String run;
    private final AtomicLong serial;

    CatchUp(MinbarClient client, String run, AtomicLong serial) {
        this.client = client;
        this.run = run;
        this.serial = serial;
    }

    /** {@code batchLines} 0 means single POSTs. */
    Result run(int articles, int batchLines, Duration postCap, Duration derivedCap) throws Exception {
        long newestBefore = marker();
        try (FeedWatch watch = new FeedWatch(client)) {
            long start = System.nanoTime();
            String how;
            int accepted;
            int failed;
            String firstFailure;
            PublishLoad.Newest newest;
            if (batchLines > 0) {
                BatchLoad.Result burst = new BatchLoad(client, run, serial).run(articles, batchLines, postCap);
                how = "batches of " + burst.lines() + " lines";
                accepted = burst.accepted();
                failed = burst.rejected();
                firstFailure = burst.firstProblem();
                newest = burst.newest();
            } else {
                PublishLoad.Result burst = new PublishLoad(client, run, serial).run(16, postCap, articles);
                how = "single POSTs, 16 publishers";
                accepted = burst.accepted();
                failed = burst.failed();
                firstFailure = burst.firstFailure();
                newest = burst.newest();
            }
            double posted = (System.nanoTime() - start) / 1e9;
            Derived derived = new Derived(client);
            String detection = newest.id() > 0 ? derived.detection(newest.id()) : "nothing stored";
            boolean done = newest.id() > 0 && derived.await(newest, detection, derivedCap);
            double seconds = (System.nanoTime() - start) / 1e9;
            long count = done ? accepted : derived.doneAfter(newestBefore, newest.id(), detection);
            return new Result(how, accepted, failed, posted, done, seconds, count, detection, firstFailure, watch.stop());
        }
    }

    /** Publishes one article alone; the burst's ids come after its id. */
    private long marker() throws Exception {
        ArabicNews.NewsArticle article = new ArabicNews(run, 3).article(serial.incrementAndGet());
        HttpResponse<String> response = client.publish(article.json());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("publishing answered " + response.statusCode() + " " + PublishLoad.snippet(response.body()));
        }
        return MinbarClient.idOf(response);
    }
}
