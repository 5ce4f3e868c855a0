package org.minbar.storage;

import java.time.Instant;
import java.util.Optional;

/** The columns of one articles row, as the service writes them. */
public record ArticleRow(
        String feedId,
        Optional<String> guid,
        Optional<String> url,
        String path,
        String title,
        String summary,
        String content,
        Optional<String> image,
        String language,
        Instant published,
        Instant updated,
        Instant created,
        Instant modified) {}
