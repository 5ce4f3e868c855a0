package org.minbar.related;

/** A related article found by text similarity, with its final score. */
public record ScoredArticle(long id, double score) {}
