package org.minbar.bench;

import java.util.Arrays;
import java.util.Collection;

/** Durations in nanoseconds, read as percentiles in milliseconds (nearest rank). */
final class Latencies {

    private final long[] sorted;

    private Latencies(long[] sorted) {
        this.sorted = sorted;
    }

    static Latencies of(Collection<Long> nanos) {
        long[] values = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return new Latencies(values);
    }

    int count() {
        return sorted.length;
    }

    /** The p-th percentile (0 to 100) in milliseconds; NaN when there is nothing. */
    double ms(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double maxMs() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }
}
