package org.minbar.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A validated, sanitized article as a publisher submitted it: every string is NFC and free of
 * characters XML forbids, content is safe HTML, URLs are absolute. Dates may be absent, in which
 * case the service supplies them; {@code slug}, when given, names the article's page.
 */
public record ArticleDraft(
        Optional<String> guid,
        Optional<String> url,
        String title,
        Optional<String> summary,
        String content,
        List<AuthorDraft> authors,
        List<TermDraft> categories,
        List<TermDraft> tags,
        Optional<Instant> published,
        Optional<Instant> updated,
        Optional<String> image,
        List<RelatedReference> related,
        String language,
        Optional<String> slug) {

    public ArticleDraft {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        related = List.copyOf(related);
    }
}
