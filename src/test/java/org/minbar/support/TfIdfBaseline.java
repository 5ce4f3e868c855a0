package org.minbar.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline related-story ranking that any ranking must beat: TF-IDF cosine over title and text
 * with simple Arabic normalization and light stemming (PlainArabic), the kind of script one writes
 * in an afternoon. Independent of the server's code.
 */
public final class TfIdfBaseline {

    private static final Set<String> STOP = Set.of("في", "من", "علي", "الي", "عن", "ان", "او", "مع", "هذا", "هذه", "التي",
            "الذي", "كان", "قد", "لا", "ما", "بين", "بعد", "قبل", "حيث", "كما", "ذلك", "تلك", "الذين", "وقد", "ثم", "لم", "لن",
            "اي", "كل", "عند", "منذ", "خلال", "حتي", "الا", "غير", "هو", "هي", "هم", "انه", "انها", "وان", "اذا", "لكن", "وفي", "ومن");

    private final List<Map<String, Double>> vectors = new ArrayList<>();

    /** Texts (title and text together), one per document, in the order their indexes name them. */
    public TfIdfBaseline(List<String> texts) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (String text : texts) {
            Map<String, Integer> count = new HashMap<>();
            for (String word : PlainArabic.words(text)) {
                if (word.length() > 1 && !STOP.contains(word)) {
                    count.merge(PlainArabic.stem(word), 1, Integer::sum);
                }
            }
            count.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
            counts.add(count);
        }
        for (Map<String, Integer> count : counts) {
            Map<String, Double> vector = new HashMap<>();
            double norm = 0;
            for (Map.Entry<String, Integer> term : count.entrySet()) {
                double weight = term.getValue() * Math.log((double) texts.size() / documentFrequency.get(term.getKey()));
                vector.put(term.getKey(), weight);
                norm += weight * weight;
            }
            double length = Math.sqrt(norm);
            vector.replaceAll((term, weight) -> length == 0 ? 0 : weight / length);
            vectors.add(vector);
        }
    }

    /** The other documents most like document {@code index}, best first. */
    public List<Integer> related(int index, int limit) {
        Map<String, Double> mine = vectors.get(index);
        List<Integer> others = new ArrayList<>();
        Map<Integer, Double> scores = new HashMap<>();
        for (int other = 0; other < vectors.size(); other++) {
            if (other == index) {
                continue;
            }
            double dot = 0;
            for (Map.Entry<String, Double> term : mine.entrySet()) {
                dot += term.getValue() * vectors.get(other).getOrDefault(term.getKey(), 0.0);
            }
            scores.put(other, dot);
            others.add(other);
        }
        others.sort(Comparator.comparingDouble((Integer other) -> scores.get(other)).reversed());
        return others.subList(0, Math.min(limit, others.size()));
    }
}
