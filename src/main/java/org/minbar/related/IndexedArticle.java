package org.minbar.related;

import java.time.Instant;
import java.util.List;

/** What the index knows of an article: its text (HTML already stripped) and the terms it shares with others. */
public record IndexedArticle(long id, String title, String text, List<String> categories, List<String> tags,
                             List<String> authors, Instant published) {
    public IndexedArticle {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
    }
}
