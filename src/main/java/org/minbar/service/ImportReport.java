package org.minbar.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How an import went. {@code imported} counts articles that were new; items that matched an article
 * already stored (same guid or URL) count as {@code updated} when they changed it, and as {@code
 * unchanged} when it already held everything they give, so nothing was written. Skips are counted
 * by reason; each failure names its file, its item and the reason.
 */
public record ImportReport(int imported, int updated, int unchanged, SortedMap<String, Integer> skipped,
                           List<Failure> failures) {

    /** One item or file that could not be imported. {@code item} is empty when the whole file failed. */
    public record Failure(String source, String item, String reason) {
        @Override
        public String toString() {
            return source + (item.isEmpty() ? "" : ", " + item) + ": " + reason;
        }
    }

    public ImportReport {
        skipped = new TreeMap<>(skipped);
        failures = List.copyOf(failures);
    }

    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line of counts, then one line per failure. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("Import finished: " + counts() + ".");
        for (Failure failure : failures) {
            lines.add("  failed: " + failure);
        }
        return lines;
    }

    /** "4 imported (new), 0 updated, 0 unchanged, 3 skipped (1 attachment, 1 draft, 1 page), 0 failed" */
    String counts() {
        StringBuilder counts = new StringBuilder()
                .append(imported).append(" imported (new), ")
                .append(updated).append(" updated, ")
                .append(unchanged).append(" unchanged, ")
                .append(skippedTotal()).append(" skipped");
        if (!skipped.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            for (Map.Entry<String, Integer> reason : skipped.entrySet()) {
                reasons.add(reason.getValue() + " " + reason.getKey());
            }
            counts.append(" (").append(String.join(", ", reasons)).append(')');
        }
        return counts.append(", ").append(failures.size()).append(" failed").toString();
    }
}
