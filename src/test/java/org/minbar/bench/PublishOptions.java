package org.minbar.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The publish benchmark's settings from its command line ({@code --name value}, or the flags
 * {@code --small} and {@code --load-only}); the defaults keep a whole run near ten minutes, and
 * {@code --small} gives sizes for a check in about two.
 */
record PublishOptions(String base, long pid, Path gcLog, Path work, int seconds, int warmUp, int batchArticles,
                      int batchLines, int rounds, int burst, int burstSeconds, int derivedSeconds, int baselineArticles,
                      boolean loadOnly) {

    static final String USAGE = """
            PublishBenchmark --base URL [--pid PID] [--gc-log FILE] [--work DIR] [--small] [--load-only]
              [--seconds S]            each single-POST load, 1 and 16 publishers (default 20; --small 5)
              [--warm-up S]            one publisher before measuring (default 5; --small 2)
              [--batch-articles N]     through POST /api/articles/batch (default 5000; --small 300)
              [--batch-lines N]        lines per batch (default 1000; --small 100)
              [--rounds N]             freshness rounds (default 20; --small 5)
              [--burst N]              catch-up burst (default 10000; --small 300)
              [--burst-seconds S]      most time spent posting the burst (default 90; --small 20)
              [--derived-seconds S]    most time waited for its derived data (default 240; --small 60)
              [--baseline-articles N]  in-process SQLite, each way, also stopped after --seconds (default 10000; --small 500)
            The token is read from the environment variable MINBAR_TOKEN.""";

    private static final Set<String> FLAGS = Set.of("--small", "--load-only");

    static PublishOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (FLAGS.contains(args[i])) {
                given.put(args[i], "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                given.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'\n" + USAGE);
            }
        }
        boolean small = given.containsKey("--small");
        if (!given.containsKey("--base")) {
            throw new IllegalArgumentException("--base is required\n" + USAGE);
        }
        PublishOptions options = new PublishOptions(given.remove("--base").replaceAll("/$", ""),
                Long.parseLong(given.getOrDefault("--pid", "0")),
                given.containsKey("--gc-log") ? Path.of(given.get("--gc-log")) : null,
                Path.of(given.getOrDefault("--work", System.getProperty("java.io.tmpdir"))),
                number(given, "--seconds", small ? 5 : 20), number(given, "--warm-up", small ? 2 : 5),
                number(given, "--batch-articles", small ? 300 : 5_000), number(given, "--batch-lines", small ? 100 : 1_000),
                number(given, "--rounds", small ? 5 : 20), number(given, "--burst", small ? 300 : 10_000),
                number(given, "--burst-seconds", small ? 20 : 90), number(given, "--derived-seconds", small ? 60 : 240),
                number(given, "--baseline-articles", small ? 500 : 10_000), given.containsKey("--load-only"));
        for (String name : given.keySet()) {
            if (!FLAGS.contains(name) && !Set.of("--pid", "--gc-log", "--work").contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        return options;
    }

    private static int number(Map<String, String> given, String name, int fallback) {
        String value = given.remove(name);
        int number = value == null ? fallback : Integer.parseInt(value);
        if (number < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return number;
    }
}
