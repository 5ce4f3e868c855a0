package org.minbar.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints where a JFR recording (settings=profile) of the server spent its time, since this JDK's
 * jfr tool has no "view": the hottest methods by execution samples (self; Minbar's own also
 * inclusive), the hottest stacks (a method and its nearest callers), native samples (time in
 * SQLite's C code shows only there), the sites where threads blocked entering a monitor or parked
 * on a lock, file I/O over 10 ms, and GC pauses. Usage: JfrHotSpots FILE.jfr [TOP [DEPTH [FROM]]], FROM
 * in epoch milliseconds: events before it (the server's start-up) are left out.
 */
public final class JfrHotSpots {

    private static final String OURS = "org.minbar.";
    /** Native frames of threads waiting for work, not doing it. */
    private static final Set<String> IDLE_NATIVE = Set.of("sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.poll",
            "sun.nio.ch.Net.accept", "java.lang.Thread.sleep");

    /** What a table's figures are: samples (with their share), events with their total time, or bytes. */
    private enum Figures { SAMPLES, TIMED, BYTES }

    /** Samples or blocked time counted under one key. */
    private static final class Tally {
        long count;
        Duration time = Duration.ZERO;
    }

    private final Map<String, Tally> self = new HashMap<>();
    private final Map<String, Tally> inclusive = new HashMap<>();
    private final Map<String, Tally> stacks = new HashMap<>();
    private final Map<String, Tally> threads = new HashMap<>();
    private final Map<String, Tally> natives = new HashMap<>();
    private final Map<String, Tally> monitors = new HashMap<>();
    private final Map<String, Tally> parks = new HashMap<>();
    private final Map<String, Tally> files = new HashMap<>();
    private final Map<String, Tally> allocations = new HashMap<>();
    private long allocated;
    private final Tally gc = new Tally();
    private final int depth;
    private final Instant from;
    private long samples;
    private long nativeSamples;
    private long idleNativeSamples;
    private Instant first = Instant.MAX;
    private Instant last = Instant.MIN;

    private JfrHotSpots(int depth, Instant from) {
        this.depth = depth;
        this.from = from;
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        JfrHotSpots spots = new JfrHotSpots(args.length > 2 ? Integer.parseInt(args[2]) : 5,
                args.length > 3 ? Instant.ofEpochMilli(Long.parseLong(args[3])) : Instant.MIN);
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                spots.take(recording.readEvent());
            }
        }
        spots.print(args[0], top);
    }

    private void take(RecordedEvent event) {
        if (event.getStartTime().isBefore(from)) {
            return;
        }
        String type = event.getEventType().getName();
        RecordedStackTrace stack = event.getStackTrace();
        List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
        switch (type) {
            case "jdk.ExecutionSample" -> {
                seen(event);
                samples++;
                if (frames.isEmpty()) {
                    return;
                }
                add(self, method(frames.get(0)), Duration.ZERO);
                Set<String> onStack = new LinkedHashSet<>();
                frames.stream().map(JfrHotSpots::method)
                        .filter(m -> m.startsWith(OURS) && !m.startsWith(OURS + "http.") && !m.contains("$$Lambda"))
                        .forEach(onStack::add);
                onStack.forEach(m -> add(inclusive, m, Duration.ZERO));
                add(stacks, frames.stream().limit(depth).map(JfrHotSpots::method).collect(Collectors.joining("\n")), Duration.ZERO);
                add(threads, event.getThread("sampledThread").getJavaName().replaceAll("\\d+", "N"), Duration.ZERO);
            }
            case "jdk.NativeMethodSample" -> {
                nativeSamples++;
                if (frames.isEmpty() || IDLE_NATIVE.contains(method(frames.get(0)))) {
                    idleNativeSamples++;
                } else {
                    add(natives, method(frames.get(0)) + ours(frames), Duration.ZERO);
                }
            }
            case "jdk.FileForce", "jdk.FileRead", "jdk.FileWrite" -> {
                if (!frames.isEmpty()) {
                    add(files, type.substring(4) + " at " + frame(frames.get(0)) + ours(frames), event.getDuration());
                }
            }
            case "jdk.JavaMonitorEnter" -> {
                if (!frames.isEmpty()) {
                    add(monitors, event.getClass("monitorClass").getName() + " entered at " + frame(frames.get(0)) + ours(frames),
                            event.getDuration());
                }
            }
            case "jdk.ThreadPark" -> {
                boolean idle = frames.stream().map(JfrHotSpots::method).anyMatch(m -> m.endsWith("ThreadPoolExecutor.getTask")
                        || m.endsWith("ScheduledThreadPoolExecutor$DelayedWorkQueue.take")
                        || m.endsWith("EnhancedQueueExecutor$PoolThreadNode.park"));
                if (!idle && !frames.isEmpty()) {
                    RecordedFrame site = frames.stream().filter(f -> !plumbing(method(f))).findFirst().orElse(frames.get(0));
                    String parked = event.getClass("parkedClass") == null ? "?" : event.getClass("parkedClass").getName();
                    add(parks, parked + " at " + frame(site) + (method(site).startsWith(OURS) ? "" : ours(frames)),
                            event.getDuration());
                }
            }
            case "jdk.ObjectAllocationSample" -> {
                allocated += event.getLong("weight");
                if (!frames.isEmpty()) {
                    Tally tally = allocations.computeIfAbsent(method(frames.get(0)) + ours(frames), k -> new Tally());
                    tally.count += event.getLong("weight");
                }
            }
            case "jdk.GarbageCollection" -> add(gc, event.getDuration("sumOfPauses"));
            default -> { }
        }
    }

    private void seen(RecordedEvent event) {
        first = event.getStartTime().isBefore(first) ? event.getStartTime() : first;
        last = event.getStartTime().isAfter(last) ? event.getStartTime() : last;
    }

    private void print(String file, int top) {
        System.out.printf(Locale.ROOT, "JFR %s%s: %,d execution samples (threads running Java) over %.0f s;"
                + " %,d native samples, %,d of them of threads waiting for work (left out below)%n%n", file,
                from.equals(Instant.MIN) ? "" : " from " + from, samples, Duration.between(first, last).toMillis() / 1e3,
                nativeSamples, idleNativeSamples);
        table("hot methods, self time (execution samples)", self, top, samples, Figures.SAMPLES);
        table("hot stacks: method <- its callers (" + depth + " frames)", stacks, top, samples, Figures.SAMPLES);
        table("Minbar methods on the stack (inclusive; http handlers and lambdas left out)", inclusive, top + 5, samples, Figures.SAMPLES);
        table("threads by execution samples", threads, 8, samples, Figures.SAMPLES);
        table("native samples of busy threads: method [nearest Minbar caller]", natives, 10,
                nativeSamples - idleNativeSamples, Figures.SAMPLES);
        table("blocked entering a monitor (jdk.JavaMonitorEnter >= 10 ms), by total time", monitors, 10, 0, Figures.TIMED);
        table("parked on a lock or condition (jdk.ThreadPark >= 10 ms; idle pool threads left out), by total time",
                parks, 10, 0, Figures.TIMED);
        System.out.printf(Locale.ROOT, "allocation: about %,d MB sampled in all (jdk.ObjectAllocationSample weights)%n",
                allocated >> 20);
        table("allocating methods [nearest Minbar caller], share of the bytes", allocations, 10, allocated, Figures.BYTES);
        table("file I/O over 10 ms (jdk.FileForce, FileRead, FileWrite), by total time", files, 10, 0, Figures.TIMED);
        System.out.printf(Locale.ROOT, "GC: %,d collections, %,d ms of pauses in all%n", gc.count, gc.time.toMillis());
    }

    private static void table(String title, Map<String, Tally> tallies, int top, long total, Figures kind) {
        System.out.println(title);
        boolean timed = kind == Figures.TIMED;
        List<Map.Entry<String, Tally>> rows = tallies.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Tally> e) -> timed ? e.getValue().time.toNanos() : e.getValue().count)
                        .reversed())
                .limit(top).toList();
        if (rows.isEmpty()) {
            System.out.println("  (none)");
        }
        for (Map.Entry<String, Tally> row : rows) {
            String[] lines = row.getKey().split("\n");
            long count = row.getValue().count;
            double share = 100.0 * count / Math.max(1, total);
            String figures = switch (kind) {
                case TIMED -> String.format(Locale.ROOT, "%8d events %9.0f ms", count, row.getValue().time.toNanos() / 1e6);
                case BYTES -> String.format(Locale.ROOT, "%8d MB %6.1f%%", count >> 20, share);
                case SAMPLES -> String.format(Locale.ROOT, "%8d %6.1f%%", count, share);
            };
            System.out.printf(Locale.ROOT, "  %s  %s%n", figures, lines[0]);
            for (int i = 1; i < lines.length; i++) {
                System.out.printf(Locale.ROOT, "  %s  <- %s%n", " ".repeat(figures.length()), lines[i]);
            }
        }
        System.out.println();
    }

    private static void add(Map<String, Tally> tallies, String key, Duration time) {
        add(tallies.computeIfAbsent(key, k -> new Tally()), time);
    }

    private static void add(Tally tally, Duration time) {
        tally.count++;
        tally.time = tally.time.plus(time == null ? Duration.ZERO : time);
    }

    /** " [the nearest Minbar frame]" when the top frame is not Minbar's own, with its line. */
    private static String ours(List<RecordedFrame> frames) {
        if (method(frames.get(0)).startsWith(OURS)) {
            return "";
        }
        return frames.stream().filter(f -> method(f).startsWith(OURS)).findFirst().map(f -> " [" + frame(f) + "]").orElse("");
    }

    /** Frames of locking and parking themselves, skipped to find who waited. */
    private static boolean plumbing(String method) {
        return method.startsWith("java.util.concurrent.") || method.startsWith("jdk.internal.misc.")
                || method.startsWith("java.lang.Thread.");
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String frame(RecordedFrame frame) {
        return method(frame) + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "");
    }
}
