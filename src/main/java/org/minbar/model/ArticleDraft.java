package org.minbar.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A validated, sanitized article as a publisher submitted it: every string is NFC and free of
 * characters XML forbids, content is safe HTML, URLs are absolute. Dates may be absent, in which
 * case the service supplies them.
 */
public record ArticleDraft(
        Optional<String> guid,
        Optional<String> url,
        String title,
        Optional<String> summary,
        String content,
        List<AuthorDraft> authors,
        List<String> categories,
        List<String> tags,
        Optional<Instant> published,
        Optional<Instant> updated,
        Optional<String> image,
        List<RelatedReference> related,
        String language) {

    public ArticleDraft {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        related = List.copyOf(related);
    }
}
