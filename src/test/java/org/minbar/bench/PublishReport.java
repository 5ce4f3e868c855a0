package org.minbar.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the publish benchmark's results and prints them as tables (Locale.ROOT numbers). */
final class PublishReport {

    private static final String ROW = "%-40s %9s %8s %11s %9s %9s %7s %12s%n";

    private final PublishOptions options;
    private final List<PublishLoad.Result> singles = new ArrayList<>();
    private final List<Double> singlesCpu = new ArrayList<>();
    private double batchCpu;
    private double catchUpCpu;
    private PublishLoad.Result warmUp;
    private Latencies floor;
    private final List<String> drains = new ArrayList<>();
    private SqliteBaseline.Result perArticle;
    private SqliteBaseline.Result grouped;
    private BatchLoad.Result batch;
    private Freshness.Result freshness;
    private CatchUp.Result catchUp;
    private ServerProcess.Result memory;

    PublishReport(PublishOptions options) {
        this.options = options;
    }

    void floor(Latencies healthz) {
        floor = healthz;
    }

    /** How long derived data took to catch up after a phase, before the next began. */
    void drained(String phase, double seconds, boolean done) {
        drains.add(String.format(Locale.ROOT, "%s %.1f s%s", phase, seconds, done ? "" : " (gave up)"));
    }

    void warmUp(PublishLoad.Result result) {
        warmUp = result;
    }

    /** A load and the server's CPU seconds during it. */
    void single(PublishLoad.Result result, double cpuSeconds) {
        singles.add(result);
        singlesCpu.add(cpuSeconds);
    }

    void baseline(int perTransaction, SqliteBaseline.Result result) {
        if (perTransaction == 1) {
            perArticle = result;
        } else {
            grouped = result;
        }
    }

    void batch(BatchLoad.Result result, double cpuSeconds) {
        batch = result;
        batchCpu = cpuSeconds;
    }

    void freshness(Freshness.Result result) {
        freshness = result;
    }

    void catchUp(CatchUp.Result result, double cpuSeconds) {
        catchUp = result;
        catchUpCpu = cpuSeconds;
    }

    void memory(ServerProcess.Result result) {
        memory = result;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%nMinbar publish path, %s, articles of about %,d bytes of Arabic JSON%n", options.base(),
                ArabicNews.MEAN_BYTES);
        out.printf(Locale.ROOT, "GET /healthz round trip (the floor of every request here): p50 %s ms, p99 %s ms%n",
                ms(floor.ms(50)), ms(floor.ms(99)));
        out.printf(Locale.ROOT, "warm-up: %,d articles by 1 publisher in %.1f s%n%n", warmUp.accepted(), warmUp.seconds());
        throughput(out);
        if (perArticle != null) {
            ratios(out);
        }
        if (freshness != null) {
            freshness(out);
        }
        if (catchUp != null) {
            catchUp(out);
        }
        if (memory != null) {
            memory(out);
        }
        failures(out);
    }

    private void throughput(PrintStream out) {
        out.printf(Locale.ROOT, ROW, "publishing", "articles", "seconds", "articles/s", "p50 ms", "p99 ms", "failed",
                "server CPU");
        for (int i = 0; i < singles.size(); i++) {
            PublishLoad.Result single = singles.get(i);
            out.printf(Locale.ROOT, ROW, "single POST, " + single.publishers() + " publisher" + (single.publishers() > 1 ? "s" : ""),
                    count(single.accepted()), seconds(single.seconds()), rate(single.rate()), ms(single.latencies().ms(50)),
                    ms(single.latencies().ms(99)), count(single.failed()), cpu(singlesCpu.get(i), single.accepted()));
        }
        if (batch != null) {
            String label = "batch NDJSON, " + batch.lines() + " lines" + (batch.lines() < options.batchLines() ? " (413 at "
                    + options.batchLines() + ")" : "");
            if (batch.missing().isPresent()) {
                out.printf(Locale.ROOT, "%-40s not available (%d)%n", label, batch.missing().get());
            } else {
                out.printf(Locale.ROOT, ROW, label, count(batch.accepted()), seconds(batch.seconds()), rate(batch.rate()), "-", "-",
                        count(batch.rejected()), cpu(batchCpu, batch.accepted()));
            }
        }
        for (SqliteBaseline.Result baseline : new SqliteBaseline.Result[] {perArticle, grouped}) {
            if (baseline != null) {
                out.printf(Locale.ROOT, ROW, "SQLite in-process, " + (baseline == perArticle ? "1 article" : "100 articles") + "/tx",
                        count(baseline.articles()), seconds(baseline.seconds()), rate(baseline.rate()), "-", "-", "-", "");
            }
        }
        out.println("server CPU: the server process's user+system CPU time per article stored (/proc/PID/stat), from the"
                + " phase's start until its derived data was done");
        out.println("waits for derived data to catch up before the next phase: " + String.join(", ", drains));
        out.println();
    }

    private void ratios(PrintStream out) {
        String row = "%-44s %10s %14s %6s%n";
        out.printf(Locale.ROOT, row, "against the in-process baseline", "value", "target", "met");
        PublishLoad.Result one = singles.get(0);
        PublishLoad.Result sixteen = singles.get(singles.size() - 1);
        ratio(out, row, "16 publishers / SQLite 1 article per tx", sixteen.rate() / perArticle.rate(), 0.9);
        out.printf(Locale.ROOT, row, "16 publishers, articles/s", rate(sixteen.rate()), ">= 2,000", met(sixteen.rate() >= 2_000));
        ratio(out, row, "1 publisher / SQLite 1 article per tx", one.rate() / perArticle.rate(), 0.5);
        if (batch != null && batch.missing().isEmpty()) {
            ratio(out, row, "batch / SQLite 100 articles per tx", batch.rate() / grouped.rate(), 0.5);
        } else {
            out.printf(Locale.ROOT, row, "batch / SQLite 100 articles per tx", "n/a", ">= 0.50", "-");
        }
        out.println();
    }

    private static void ratio(PrintStream out, String row, String label, double value, double target) {
        out.printf(Locale.ROOT, row, label, String.format(Locale.ROOT, "%.3f", value),
                String.format(Locale.ROOT, ">= %.2f", target), met(value >= target));
    }

    private void freshness(PrintStream out) {
        String row = "%-40s %9s %9s %9s %8s %10s%n";
        out.printf(Locale.ROOT, row, "freshness, idle server, from the 201", "p50 ms", "p90 ms", "max ms", "rounds", "target");
        Freshness.Result f = freshness;
        out.printf(Locale.ROOT, row, "POST round trip (before the 201)", ms(f.publish().ms(50)), ms(f.publish().ms(90)),
                ms(f.publish().maxMs()), f.publish().count() + "/" + f.rounds(), "");
        out.printf(Locale.ROOT, row, "article in /feed/", ms(f.inFeed().ms(50)), ms(f.inFeed().ms(90)), ms(f.inFeed().maxMs()),
                f.inFeed().count() + "/" + f.rounds(), target(f.inFeed(), 100));
        out.printf(Locale.ROOT, row, "its related links in /feed/", ms(f.related().ms(50)), ms(f.related().ms(90)),
                ms(f.related().maxMs()), f.related().count() + "/" + f.rounds(), "");
        out.printf(Locale.ROOT, row, "WebSub push of /feed/atom/ holding it", ms(f.pushed().ms(50)), ms(f.pushed().ms(90)),
                ms(f.pushed().maxMs()), f.pushed().count() + "/" + f.rounds(), target(f.pushed(), 200));
        out.printf(Locale.ROOT, "pushes whose entry already had related links: %d of %d%s%n%n", f.pushesWithRelated(),
                f.pushed().count(), f.note().isEmpty() ? "" : "; " + f.note());
    }

    private void catchUp(PrintStream out) {
        CatchUp.Result c = catchUp;
        out.printf(Locale.ROOT, "catch-up after a burst (%s): %,d articles posted in %.1f s (%s/s), %,d failed;"
                + " server CPU %s until derived%n", c.how(), c.articles(), c.postSeconds(), rate(c.articles() / c.postSeconds()),
                c.failed(), cpu(catchUpCpu, c.articles()));
        if (c.done()) {
            out.printf(Locale.ROOT, "  derived data done %.1f s after the burst began: %s articles/s (target >= 200, %s); "
                    + "%.1f s after the last answer; seen by %s%n", c.derivedSeconds(), rate(c.derivedRate()),
                    met(c.derivedRate() >= 200), c.derivedSeconds() - c.postSeconds(), c.detection());
        } else {
            out.printf(Locale.ROOT, "  derived data NOT done %.1f s after the burst began (seen by %s); %s%n", c.derivedSeconds(),
                    c.detection(), c.derivedCount() > 0 ? String.format(Locale.ROOT, "about %,d done: %s articles/s",
                            c.derivedCount(), rate(c.derivedRate())) : "how many were done is unknown");
        }
        FeedWatch.Result feed = c.feed();
        out.printf(Locale.ROOT, "  /feed/ meanwhile, every 100 ms: %,d answers, p50 %s ms, p99 %s ms, max %s ms, %d failed,"
                + " longest without an answer %s ms%n%n", feed.answers().count(), ms(feed.answers().ms(50)),
                ms(feed.answers().ms(99)), ms(feed.answers().maxMs()), feed.failed(), ms(feed.longestGapMs()));
    }

    private void memory(PrintStream out) {
        ServerProcess.Result m = memory;
        out.printf(Locale.ROOT, "server memory (java -Xmx256m): peak RSS (VmHWM) %s MB (target < 512, %s); RSS at the end %s MB:"
                + " %s MB anonymous, %s MB file pages%n", mb(m.peakRssKb() / 1024.0), met(m.peakRssKb() > 0 && m.peakRssKb() < 512 * 1024),
                mb(m.rssKb() / 1024.0), mb(m.anonKb() / 1024.0), mb(m.fileKb() / 1024.0));
        out.printf(Locale.ROOT, "  peak heap in use after GC %s MB (heap committed at most %s MB); %d pauses, %d full, longest %.1f ms (gc log)%n%n",
                mb(m.peakHeapAfterGcMb()), mb(m.heapMb()), m.pauses(), m.fullCollections(), m.longestPauseMs());
    }

    private void failures(PrintStream out) {
        List<String> first = new ArrayList<>();
        singles.stream().filter(s -> !s.firstFailure().isEmpty())
                .forEach(s -> first.add(s.publishers() + " publisher(s): " + s.firstFailure()));
        if (batch != null && !batch.firstProblem().isEmpty()) {
            first.add("batch: " + batch.firstProblem());
        }
        if (catchUp != null && !catchUp.firstFailure().isEmpty()) {
            first.add("burst: " + catchUp.firstFailure());
        }
        if (catchUp != null && !catchUp.feed().firstFailure().isEmpty()) {
            first.add("/feed/ during catch-up: " + catchUp.feed().firstFailure());
        }
        first.forEach(line -> out.println("first failure, " + line));
    }

    private static String target(Latencies times, double ms) {
        return times.count() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f %s", ms, times.ms(50) <= ms ? "met" : "MISSED");
    }

    private static String cpu(double seconds, long articles) {
        return Double.isNaN(seconds) || articles == 0 ? "-" : String.format(Locale.ROOT, "%.1f ms/art", seconds * 1e3 / articles);
    }

    private static String met(boolean met) {
        return met ? "yes" : "NO";
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
    }

    private static String mb(double value) {
        return value < 0 ? "?" : String.format(Locale.ROOT, "%.0f", value);
    }
}
