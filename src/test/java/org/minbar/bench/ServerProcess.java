package org.minbar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server process as the kernel and its GC log (-Xlog:gc) report it: the CPU time it has used
 * (/proc/PID/stat), its peak resident set (VmHWM of /proc/PID/status) and current one, and from
 * the log the most heap in use after a collection, the number of pauses, full collections and the
 * longest pause. CPU time per article is a figure that holds on a machine shared with other work.
 */
final class ServerProcess {

    /** A pause line: "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 25M->5M(256M) 3.456ms". */
    private static final Pattern PAUSE = Pattern.compile(
            "GC\\(\\d+\\) (Pause .*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([\\d.]+)ms");

    /**
     * Memory figures: the resident set now is anonymous memory (heap, metaspace, native) plus file
     * pages (the jar, Lucene's memory-mapped index); heapMb is the most heap committed at a pause;
     * -1 where the source could not be read.
     */
    record Result(long peakRssKb, long rssKb, long anonKb, long fileKb, double peakHeapAfterGcMb, double heapMb, int pauses,
                  int fullCollections, double longestPauseMs) {}

    /** Clock ticks a second in /proc/PID/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100;

    private ServerProcess() {}

    /** User plus system CPU seconds the process has used; NaN when it cannot be read. */
    static double cpuSeconds(long pid) {
        List<String> stat = lines(Path.of("/proc", Long.toString(pid), "stat"));
        if (pid <= 0 || stat.isEmpty()) {
            return Double.NaN;
        }
        String line = stat.get(0);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" "); // fields from the 3rd (state) on
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
    }

    static Result memory(long pid, Path gcLog) {
        long peak = statusKb(pid, "VmHWM:");
        long rss = statusKb(pid, "VmRSS:");
        long anon = statusKb(pid, "RssAnon:");
        long file = statusKb(pid, "RssFile:");
        double after = -1;
        double heap = -1;
        int pauses = 0;
        int full = 0;
        double longest = 0;
        for (String line : lines(gcLog)) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                pauses++;
                full += pause.group(1).startsWith("Pause Full") ? 1 : 0;
                after = Math.max(after, mb(pause.group(4), pause.group(5)));
                heap = Math.max(heap, mb(pause.group(6), pause.group(7)));
                longest = Math.max(longest, Double.parseDouble(pause.group(8)));
            }
        }
        return new Result(peak, rss, anon, file, after, heap, pauses, full, longest);
    }

    private static double mb(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> number / 1024;
            case "G" -> number * 1024;
            default -> number;
        };
    }

    private static long statusKb(long pid, String field) {
        for (String line : lines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
            }
        }
        return -1;
    }

    private static List<String> lines(Path file) {
        try {
            return file == null || !Files.exists(file) ? List.of() : Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
