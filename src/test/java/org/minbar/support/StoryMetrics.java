package org.minbar.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Story-level quality of related-story lists: precision@3 and @5 (the share of an article's first
 * three or five related stories that report its story; a story of n reports caps @5 at (n-1)/5),
 * and same-family confusion (the share of the first three that are another story of its family).
 */
public final class StoryMetrics {

    /** The figures over a set of articles. */
    public record Figures(double precisionAt3, double precisionAt5, double confusion, int articles) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "precision@3 %.3f  precision@5 %.3f  same-family confusion %.3f  (%d articles)",
                    precisionAt3, precisionAt5, confusion, articles);
        }
    }

    private final Map<Long, String> stories;
    private final Map<Long, String> families;

    /** Each article's story and family, by id. */
    public StoryMetrics(Map<Long, String> stories, Map<Long, String> families) {
        this.stories = stories;
        this.families = families;
    }

    public Figures overall(Function<Long, List<Long>> related) {
        return over(new ArrayList<>(stories.keySet()), related);
    }

    /** The figures of each family, in the order of first appearance. */
    public Map<String, Figures> byFamily(Function<Long, List<Long>> related) {
        Map<String, List<Long>> members = new LinkedHashMap<>();
        stories.keySet().forEach(id -> members.computeIfAbsent(families.get(id), f -> new ArrayList<>()).add(id));
        Map<String, Figures> figures = new LinkedHashMap<>();
        members.forEach((family, ids) -> figures.put(family, over(ids, related)));
        return figures;
    }

    /** The articles whose first three related stories hold another story's, with their lists: for reading failures. */
    public List<String> misses(Function<Long, List<Long>> related, Function<Long, String> title) {
        List<String> misses = new ArrayList<>();
        for (long id : stories.keySet()) {
            List<Long> firstThree = related.apply(id).stream().limit(3).toList();
            if (firstThree.stream().anyMatch(other -> !stories.get(id).equals(stories.get(other)))) {
                StringBuilder line = new StringBuilder(stories.get(id) + " «" + title.apply(id) + "» →");
                firstThree.forEach(other -> line.append(" ").append(stories.get(other).equals(stories.get(id)) ? "✓" : "✗ " + stories.get(other)));
                misses.add(line.toString());
            }
        }
        return misses;
    }

    private Figures over(List<Long> ids, Function<Long, List<Long>> related) {
        double at3 = 0;
        double at5 = 0;
        double confusion = 0;
        for (long id : ids) {
            List<Long> list = related.apply(id);
            at3 += same(id, list, 3) / 3.0;
            at5 += same(id, list, 5) / 5.0;
            confusion += list.stream().limit(3)
                    .filter(other -> families.get(id).equals(families.get(other)) && !stories.get(id).equals(stories.get(other)))
                    .count() / 3.0;
        }
        int n = ids.size();
        return new Figures(at3 / n, at5 / n, confusion / n, n);
    }

    private long same(long id, List<Long> list, int first) {
        return list.stream().limit(first).filter(other -> stories.get(id).equals(stories.get(other))).count();
    }
}
