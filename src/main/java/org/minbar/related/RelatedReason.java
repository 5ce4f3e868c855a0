package org.minbar.related;

import java.util.List;

/**
 * Why an article was chosen as related to another, for an editor: the text similarity (1 for the
 * article with itself) and its parts by kind of evidence, the features both share that weighed
 * most (the article's own, and those of its best matches), the days between the two and what that left of the similarity, and the tags and
 * categories both have, which only break near-ties. {@code score = similarity × timeFactor + bonus}.
 */
public record RelatedReason(double score, double similarity, double words, double phrases, double numbers,
                            double daysApart, double timeFactor, double bonus,
                            List<Match> matches, List<String> sharedTags, List<String> sharedCategories) {

    public RelatedReason {
        matches = List.copyOf(matches);
        sharedTags = List.copyOf(sharedTags);
        sharedCategories = List.copyOf(sharedCategories);
    }

    /**
     * A matched feature: a word, a phrase or a number, as first written in the article, and its
     * part of the similarity; {@code inArticle} is false for one the article lacks but its two best
     * matches have, which the ranking adds to its query (the words the reports of one story share),
     * shown as the index holds it (normalized and stemmed: it is read from the index, not the text).
     */
    public record Match(String kind, String text, double weight, boolean inArticle) {}
}
