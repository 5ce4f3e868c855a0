package org.minbar.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.minbar.model.Problem;
import org.minbar.model.AuthorDraft;
import org.minbar.model.RelatedReference;
import org.minbar.model.TermDraft;
import org.minbar.text.CleanText;
import org.minbar.text.Slugs;
import org.minbar.text.WebAddresses;

/**
 * The rules every input format shares: lengths, list sizes, URLs, dates, names that must yield a
 * slug. Each check records a {@link Problem} and returns a usable value, so a submission is
 * reported with all its problems at once.
 */
public final class DraftValidator {

    static final int MAX_TITLE = 500;
    static final int MAX_SUMMARY = 2_000;
    static final int MAX_CONTENT = 1_000_000;
    static final int MAX_GUID = 500;
    static final int MAX_NAME = 200;
    static final int MAX_BIO = 2_000;
    static final int MAX_AUTHORS = 10;
    static final int MAX_CATEGORIES = 20;
    static final int MAX_TAGS = 50;
    static final int MAX_RELATED = 20;
    static final int SUMMARY_FROM_CONTENT = 300;

    private final List<Problem> problems = new ArrayList<>();

    public void problem(String field, String message) {
        problems.add(new Problem(field, message));
    }

    /** Whether a problem is already recorded for this field (such as a wrong type), so "required" is not said too. */
    private boolean reported(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public void throwIfAny() throws InvalidArticleException {
        if (!problems.isEmpty()) {
            throw new InvalidArticleException(problems);
        }
    }

    public String title(String field, String raw) {
        String title = raw == null ? "" : HtmlSanitizer.plainText(raw);
        if (title.isEmpty() && !reported(field)) {
            problem(field, "is required and must contain text");
        } else if (title.length() > MAX_TITLE) {
            problem(field, "must be at most " + MAX_TITLE + " characters (it has " + title.length() + ")");
        }
        return title;
    }

    public Optional<String> summary(String field, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String summary = HtmlSanitizer.plainText(raw);
        if (summary.length() > MAX_SUMMARY) {
            problem(field, "must be at most " + MAX_SUMMARY + " characters (it has " + summary.length() + ")");
        }
        return summary.isEmpty() ? Optional.empty() : Optional.of(summary);
    }

    public Optional<String> guid(String field, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String guid = CleanText.line(raw);
        if (guid.isEmpty()) {
            problem(field, "must not be empty when given");
        } else if (guid.length() > MAX_GUID) {
            problem(field, "must be at most " + MAX_GUID + " characters");
        }
        return guid.isEmpty() ? Optional.empty() : Optional.of(guid);
    }

    public Optional<String> url(String field, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(WebAddresses.toUri(raw));
        } catch (IllegalArgumentException e) {
            problem(field, e.getMessage());
            return Optional.empty();
        }
    }

    /** ISO 8601 with a zone offset ("2024-01-09T12:00:00+03:00", "...Z") or a date (midnight UTC). */
    public Optional<Instant> date(String field, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.strip();
        try {
            Instant instant = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            int year = instant.atOffset(ZoneOffset.UTC).getYear();
            if (year < 1900 || year > 2200) {
                problem(field, "must be a year between 1900 and 2200");
                return Optional.empty();
            }
            return Optional.of(instant);
        } catch (DateTimeException e) {
            problem(field, "must be an ISO 8601 date-time with a time zone offset, such as "
                    + "2024-01-09T12:00:00+03:00 or 2024-01-09T09:00:00Z (got \"" + abbreviate(value) + "\")");
            return Optional.empty();
        }
    }

    public void datesInOrder(String field, Optional<Instant> published, Optional<Instant> updated) {
        if (published.isPresent() && updated.isPresent() && updated.get().isBefore(published.get())) {
            problem(field, "must not be before published");
        }
    }

    public String language(String field, String raw) {
        if (raw == null) {
            return "ar";
        }
        String tag = raw.strip();
        if (!tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,4}")) {
            problem(field, "must be a language tag such as \"ar\" or \"ar-EG\"");
            return "ar";
        }
        return Locale.forLanguageTag(tag).toLanguageTag();
    }

    public String content(String field, String raw, HtmlSanitizer sanitizer, String baseUri) {
        if (raw == null) {
            return "";
        }
        if (raw.length() > MAX_CONTENT) {
            problem(field, "must be at most " + MAX_CONTENT + " characters");
            return "";
        }
        return sanitizer.sanitize(raw, baseUri);
    }

    /** A summary from the content's first sentences, when the publisher gave none. */
    public static String summaryFrom(String contentHtml) {
        String text = HtmlSanitizer.textOf(contentHtml);
        if (text.length() <= SUMMARY_FROM_CONTENT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_FROM_CONTENT);
        return text.substring(0, cut > 0 ? cut : SUMMARY_FROM_CONTENT) + " …";
    }

    public AuthorDraft author(String field, String name, String bio, String url) {
        String cleanName = name == null ? "" : HtmlSanitizer.plainText(name);
        if (cleanName.isEmpty() && reported(field + ".name")) {
            // the wrong type was reported already
        } else if (cleanName.isEmpty()) {
            problem(field + ".name", "is required");
        } else if (cleanName.length() > MAX_NAME) {
            problem(field + ".name", "must be at most " + MAX_NAME + " characters");
        } else if (Slugs.of(cleanName).isEmpty()) {
            problem(field + ".name", "must contain a letter or digit");
        }
        Optional<String> cleanBio = bio == null ? Optional.empty()
                : Optional.of(HtmlSanitizer.plainText(bio)).filter(s -> !s.isEmpty());
        if (cleanBio.isPresent() && cleanBio.get().length() > MAX_BIO) {
            problem(field + ".bio", "must be at most " + MAX_BIO + " characters");
        }
        return new AuthorDraft(cleanName, cleanBio, url(field + ".url", url));
    }

    /** Names for categories or tags: cleaned, each yielding a slug, duplicates (by slug) dropped. */
    public List<TermDraft> names(String field, List<String> raw, int max) {
        return terms(field, raw.stream().map(TermDraft::named).toList(), max);
    }

    /**
     * Categories or tags with the slugs their source gave (WordPress's, percent-encoded or not),
     * normalized like our own; a term without one gets its slug from its name. The result always
     * carries the slug.
     */
    public List<TermDraft> terms(String field, List<TermDraft> raw, int max) {
        if (raw.size() > max) {
            problem(field, "may have at most " + max + " entries (it has " + raw.size() + ")");
            return List.of();
        }
        Map<String, TermDraft> bySlug = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = HtmlSanitizer.plainText(raw.get(i).name());
            String where = field + "[" + i + "]";
            String slug = Slugs.of(raw.get(i).slug().map(DraftValidator::percentDecoded).orElse(name));
            if (name.isEmpty()) {
                problem(where, "must not be empty");
            } else if (name.length() > MAX_NAME) {
                problem(where, "must be at most " + MAX_NAME + " characters");
            } else if (slug.isEmpty()) {
                problem(where, "must contain a letter or digit");
            } else {
                bySlug.putIfAbsent(slug, new TermDraft(name, Optional.of(slug)));
            }
        }
        return List.copyOf(bySlug.values());
    }

    /** The slug of an article's page, from a Slug header or an export's post name; empty when it has no letter. */
    public Optional<String> pageSlug(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String slug = Slugs.of(percentDecoded(raw));
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }

    /** "%d8%b3%d9%88%d8%b1%d9%8a%d8%a7" → "سوريا"; text that is not valid percent-encoding is kept as it is. */
    static String percentDecoded(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    public RelatedReference related(String field, String title, String url, String guid) {
        String cleanTitle = title == null ? "" : HtmlSanitizer.plainText(title);
        if (cleanTitle.isEmpty() && reported(field + ".title")) {
            // the wrong type was reported already
        } else if (cleanTitle.isEmpty()) {
            problem(field + ".title", "is required");
        } else if (cleanTitle.length() > MAX_TITLE) {
            problem(field + ".title", "must be at most " + MAX_TITLE + " characters");
        }
        Optional<String> cleanUrl = url(field + ".url", url);
        Optional<String> cleanGuid = guid(field + ".guid", guid);
        if (url == null && guid == null) {
            problem(field, "needs a url, or the guid of an article on this server");
        }
        return new RelatedReference(cleanTitle, cleanUrl, cleanGuid);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
