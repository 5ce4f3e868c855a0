package org.minbar.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures Minbar's publish path against a real server in another process (bench/publish.sh
 * starts it and passes --base, --pid and --gc-log): single POSTs of ~7.6 KB Arabic articles by 1
 * and 16 publishers, the NDJSON batch endpoint, the same articles in in-process SQLite at the same
 * durability (the baseline the ratios are taken to), freshness in /feed/ and over WebSub on an
 * idle server, catch-up of derived data after a burst while /feed/ is read, and the server's peak
 * memory. Prints the tables at the end, progress on stderr. Not part of the test suite.
 */
public final class PublishBenchmark {

    private PublishBenchmark() {}

    public static void main(String[] args) throws Exception {
        PublishOptions options;
        try {
            options = PublishOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String token = System.getenv("MINBAR_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("MINBAR_TOKEN must hold the server's publishing token");
            System.exit(2);
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        MinbarClient client = new MinbarClient(options.base(), token);
        AtomicLong serial = new AtomicLong();
        PublishReport report = new PublishReport(options);
        Duration seconds = Duration.ofSeconds(options.seconds());

        if (!options.loadOnly()) {
            SqliteBaseline baseline = new SqliteBaseline(run);
            progress("in-process SQLite, 1 article per transaction");
            report.baseline(1, baseline.run(options.work(), 1, options.baselineArticles(), seconds));
            progress("in-process SQLite, 100 articles per transaction");
            report.baseline(100, baseline.run(options.work(), 100, options.baselineArticles(), seconds));
        }
        report.floor(floor(client));
        PublishLoad load = new PublishLoad(client, run, serial);
        Idle idle = new Idle(new Derived(client), Duration.ofSeconds(options.derivedSeconds()), report);
        progress("warming up: 1 publisher for " + options.warmUp() + " s");
        PublishLoad.Result warmUp = load.run(1, Duration.ofSeconds(options.warmUp()), Long.MAX_VALUE);
        report.warmUp(warmUp);
        idle.after(warmUp.newest(), "the warm-up");
        for (int publishers : new int[] {1, 16}) {
            progress(publishers + " publisher(s) of single POSTs for " + options.seconds() + " s");
            double cpu = ServerProcess.cpuSeconds(options.pid());
            PublishLoad.Result single = load.run(publishers, seconds, Long.MAX_VALUE);
            idle.after(single.newest(), publishers + " publisher(s)");
            report.single(single, ServerProcess.cpuSeconds(options.pid()) - cpu);
        }
        if (!options.loadOnly()) {
            progress("batch endpoint: " + options.batchArticles() + " articles, " + options.batchLines() + " lines a batch");
            double cpu = ServerProcess.cpuSeconds(options.pid());
            BatchLoad.Result batch = new BatchLoad(client, run, serial)
                    .run(options.batchArticles(), options.batchLines(), Duration.ofSeconds(options.burstSeconds()));
            idle.after(batch.newest(), "the batches");
            report.batch(batch, ServerProcess.cpuSeconds(options.pid()) - cpu);
            progress("freshness: " + options.rounds() + " rounds on an idle server");
            report.freshness(new Freshness(client, run, serial).run(options.rounds()));
            progress("catch-up: a burst of " + options.burst() + " articles");
            int lines = batch.missing().isPresent() ? 0 : batch.lines();
            cpu = ServerProcess.cpuSeconds(options.pid());
            CatchUp.Result catchUp = new CatchUp(client, run, serial).run(options.burst(), lines,
                    Duration.ofSeconds(options.burstSeconds()), Duration.ofSeconds(options.derivedSeconds()));
            report.catchUp(catchUp, ServerProcess.cpuSeconds(options.pid()) - cpu);
        }
        if (options.pid() > 0) {
            report.memory(ServerProcess.memory(options.pid(), options.gcLog()));
        }
        report.print(System.out);
    }

    /**
     * Waits, between phases, until the newest article's derived data is done, so that each phase
     * starts on an idle server (a server that derives in the background may still be busy with the
     * last phase's articles); the waits go in the report.
     */
    private record Idle(Derived derived, Duration cap, PublishReport report) {
        void after(PublishLoad.Newest newest, String phase) throws Exception {
            if (newest.id() == 0) {
                return;
            }
            long start = System.nanoTime();
            boolean done = derived.await(newest, derived.detection(newest.id()), cap);
            report.drained(phase, (System.nanoTime() - start) / 1e9, done);
        }
    }

    /** Round trips of GET /healthz, the least any request here can take. */
    private static Latencies floor(MinbarClient client) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long start = System.nanoTime();
            client.get("/healthz", Optional.empty(), Duration.ofSeconds(10));
            if (i >= 10) {
                times.add(System.nanoTime() - start);
            }
        }
        return Latencies.of(times);
    }

    static void progress(String what) {
        System.err.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), what);
    }
}
