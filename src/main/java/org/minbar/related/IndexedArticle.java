package org.minbar.related;

import java.time.Instant;
import java.util.List;

/**
 * What the index knows of an article: its text (HTML already stripped), the slugs of the terms
 * it shares with others, and the names of its categories, tags and authors, which search matches.
 */
public record IndexedArticle(long id, String title, String text, List<String> categories, List<String> tags,
                             List<String> authors, List<String> termNames, Instant published) {
    public IndexedArticle {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        termNames = List.copyOf(termNames);
    }
}
