package org.minbar.related;

/** A related article found by similarity, with its final score and why it was chosen (null when not asked for). */
public record ScoredArticle(long id, double score, RelatedReason reason) {}
