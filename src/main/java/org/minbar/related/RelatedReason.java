package org.minbar.related;

import java.util.List;

/**
 * Why an article was chosen as related to another, for an editor: the text similarity (1 for the
 * article with itself) and its parts by kind of evidence, the features both share that weighed
 * most, the days between the two and what that left of the similarity, and the tags and
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

    /** A shared feature: a word, a phrase or a number, as the article writes it, and its part of the similarity. */
    public record Match(String kind, String text, double weight) {}
}
