package org.minbar.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.minbar.model.ArticleDraft;
import org.minbar.model.AuthorDraft;
import org.minbar.model.TermDraft;
import org.minbar.text.Slugs;

/**
 * Turns one export item into what the importer does with it. Only published posts become drafts,
 * checked by the same {@link DraftValidator} rules as any submission: WordPress's category and tag
 * nicenames and post name are kept as slugs, the content gets its paragraphs (wpautop) and is
 * sanitized with relative links resolved against the post's own address.
 */
final class WxrDrafts {

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    /** WordPress's "no date", written for drafts that were never scheduled. */
    private static final String NO_DATE = "0000-00-00 00:00:00";

    private final HtmlSanitizer sanitizer;

    WxrDrafts(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    WxrItem item(WxrFields item, WxrChannel channel) {
        String type = blankTo(item.postType, "post");
        String status = blankTo(item.status, "no status");
        String title = item.title == null ? "" : HtmlSanitizer.plainText(item.title);
        if (!type.equals("post")) {
            return new WxrItem.Skipped(item.line, title, type);
        }
        if (!status.equals("publish")) {
            return new WxrItem.Skipped(item.line, title, status);
        }
        if (!WxrChannel.isBlank(item.password)) {
            return new WxrItem.Skipped(item.line, title, "password-protected");
        }
        DraftValidator check = new DraftValidator();
        Optional<String> url = WxrChannel.isBlank(item.link) ? Optional.empty() : check.url("link", item.link);
        Optional<String> summary = check.summary("excerpt:encoded", item.excerpt);
        String base = url.or(channel::blogUrl).orElse("");
        String content = check.content("content:encoded", item.content == null ? null : WxrParagraphs.wrap(item.content),
                sanitizer, base);
        if (content.isEmpty() && summary.isEmpty()) {
            check.problem("content:encoded", "is required (or at least an excerpt)");
        }
        Optional<Instant> published = date(check, "wp:post_date_gmt", item.postDateGmt, "wp:post_date", item.postDate);
        Optional<Instant> modified = date(check, "wp:post_modified_gmt", item.modifiedGmt, "wp:post_modified", item.modified);
        // A post scheduled ahead is "modified" before it is published; that is not an update.
        Optional<Instant> updated = modified.filter(m -> published.isEmpty() || !m.isBefore(published.get()));
        ArticleDraft draft = new ArticleDraft(
                check.guid("guid", item.guid),
                url,
                check.title("title", item.title),
                summary,
                content,
                authors(check, item, channel),
                check.terms("category[@domain='category']", terms(item, channel, true), DraftValidator.MAX_CATEGORIES),
                check.terms("category[@domain='post_tag']", terms(item, channel, false), DraftValidator.MAX_TAGS),
                published,
                updated,
                Optional.empty(),
                List.of(),
                channel.language(),
                check.pageSlug(item.postName));
        try {
            check.throwIfAny();
            return new WxrItem.Post(item.line, DraftCompletion.complete(draft));
        } catch (InvalidArticleException e) {
            return new WxrItem.Failed(item.line, title, item.guid == null ? "" : item.guid.strip(), e);
        }
    }

    private static List<AuthorDraft> authors(DraftValidator check, WxrFields item, WxrChannel channel) {
        if (WxrChannel.isBlank(item.creator)) {
            return List.of();
        }
        AuthorDraft author = check.author("dc:creator", channel.authorName(item.creator), null, null);
        // WordPress's author address is /author/{user_nicename}/: the login as sanitize_title makes it ("sara.mansouri" → "sara-mansouri").
        String nicename = Slugs.of(item.creator.strip());
        return List.of(nicename.isEmpty() ? author : new AuthorDraft(author.name(), author.bio(), author.url(), Optional.of(nicename)));
    }

    /**
     * Categories ({@code domain="category"}, or no domain as in old exports) or tags ({@code
     * domain="post_tag"}); other taxonomies are left out. A term without a nicename takes the slug
     * the channel gave its name.
     */
    private static List<TermDraft> terms(WxrFields item, WxrChannel channel, boolean categories) {
        List<TermDraft> terms = new ArrayList<>();
        for (WxrFields.Term term : item.terms) {
            String domain = term.domain() == null ? "" : term.domain().strip();
            boolean isCategory = domain.isEmpty() || domain.equals("category");
            if (categories ? !isCategory : !domain.equals("post_tag")) {
                continue;
            }
            String name = term.name() == null ? "" : term.name();
            Optional<String> slug = WxrChannel.isBlank(term.nicename())
                    ? (categories ? channel.categorySlug(name) : channel.tagSlug(name))
                    : Optional.of(term.nicename().strip());
            terms.add(new TermDraft(name, slug));
        }
        return terms;
    }

    /** The GMT field, else the local one read as UTC; WordPress's zero date means no date. */
    private static Optional<Instant> date(DraftValidator check, String gmtField, String gmt, String localField, String local) {
        if (!isNoDate(gmt)) {
            return date(check, gmtField, gmt);
        }
        return isNoDate(local) ? Optional.empty() : date(check, localField, local);
    }

    private static Optional<Instant> date(DraftValidator check, String field, String raw) {
        String value = raw.strip();
        try {
            LocalDateTime time = LocalDateTime.parse(value, WP_DATE);
            return check.date(field, time + "Z");
        } catch (DateTimeParseException e) {
            String shown = value.length() <= 40 ? value : value.substring(0, 40) + "…";
            check.problem(field, "must be a date and time such as 2024-03-10 06:30:00 (got \"" + shown + "\")");
            return Optional.empty();
        }
    }

    private static boolean isNoDate(String raw) {
        return raw == null || raw.isBlank() || raw.strip().equals(NO_DATE);
    }

    private static String blankTo(String value, String fallback) {
        return WxrChannel.isBlank(value) ? fallback : value.strip();
    }
}
