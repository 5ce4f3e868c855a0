package org.minbar.related;

/** An article that matched a search, its score, and its title and text with the matched words in mark elements. */
public record SearchHit(long id, double score, String titleHighlight, String textHighlight) {}
