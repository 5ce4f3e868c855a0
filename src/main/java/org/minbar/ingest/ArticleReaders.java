package org.minbar.ingest;

import java.util.Locale;
import java.util.Optional;
import org.minbar.model.ArticleDraft;
import org.minbar.model.Submission;

/** Chooses the reader for a submission's media type: JSON, an HTML article page, or an Atom entry. */
public final class ArticleReaders {

    public static final String JSON = "application/json";
    public static final String ATOM = "application/atom+xml";
    public static final String HTML = "text/html";
    static final String XHTML = "application/xhtml+xml";

    private final JsonArticleReader json;
    private final HtmlArticleReader html;
    private final AtomEntryReader atom;

    public ArticleReaders(String siteBaseUrl) {
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        this.json = new JsonArticleReader(sanitizer, siteBaseUrl);
        this.html = new HtmlArticleReader(sanitizer, siteBaseUrl);
        this.atom = new AtomEntryReader(sanitizer, siteBaseUrl);
    }

    /** The media types publishers may send, for error messages and documentation. */
    public static String accepted() {
        return JSON + ", " + HTML + " (an article page) or " + ATOM + ";type=entry";
    }

    public boolean accepts(String mediaType) {
        return essence(mediaType)
                .filter(type -> type.equals(JSON) || type.equals(ATOM) || type.equals(HTML) || type.equals(XHTML))
                .isPresent();
    }

    /** Whether the media type is an Atom entry, the only kind an AtomPub collection takes. */
    public static boolean isAtomEntry(String mediaType) {
        return essence(mediaType).filter(ATOM::equals).isPresent()
                && !mediaType.toLowerCase(Locale.ROOT).replace(" ", "").contains("type=feed");
    }

    /**
     * A complete draft (summary, content and slugs filled in) from the submission.
     *
     * @throws IllegalArgumentException when the media type is not one {@link #accepts}
     */
    public ArticleDraft read(Submission submission) throws InvalidArticleException {
        String type = essence(submission.mediaType())
                .orElseThrow(() -> new IllegalArgumentException("no media type"));
        ArticleDraft draft = switch (type) {
            case JSON -> json.read(submission.body(), submission.slug());
            case ATOM -> atom.read(submission.body(), submission.slug());
            case HTML, XHTML -> html.read(submission.body(), submission.url(), submission.slug());
            default -> throw new IllegalArgumentException("unsupported media type " + submission.mediaType());
        };
        return DraftCompletion.complete(draft);
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
