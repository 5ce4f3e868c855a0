package org.minbar.ingest;

import java.util.Locale;
import java.util.Optional;
import org.minbar.model.ArticleDraft;
import org.minbar.model.Submission;

/** Chooses the reader for a submission's media type. */
public final class ArticleReaders {

    public static final String JSON = "application/json";

    private final JsonArticleReader json;

    public ArticleReaders(String siteBaseUrl) {
        this.json = new JsonArticleReader(new HtmlSanitizer(), siteBaseUrl);
    }

    /** The media types publishers may send, for error messages and documentation. */
    public static String accepted() {
        return JSON;
    }

    public boolean accepts(String mediaType) {
        return essence(mediaType).filter(JSON::equals).isPresent();
    }

    /** @throws IllegalArgumentException when the media type is not one {@link #accepts} */
    public ArticleDraft read(Submission submission) throws InvalidArticleException {
        if (!accepts(submission.mediaType())) {
            throw new IllegalArgumentException("unsupported media type " + submission.mediaType());
        }
        return json.read(submission.body(), submission.slug());
    }

    /** "application/json; charset=utf-8" → "application/json". */
    static Optional<String> essence(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String essence = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return essence.isEmpty() ? Optional.empty() : Optional.of(essence);
    }
}
