package org.minbar.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.minbar.model.ArticleDraft;
import org.minbar.model.AuthorDraft;
import org.minbar.model.Problem;
import org.minbar.model.RelatedReference;
import org.minbar.model.TermDraft;

/**
 * Reads a published article page (a WordPress theme's, or any page with JSON-LD or OpenGraph
 * tags) into a draft. Each field comes from the most trusted source that has it: JSON-LD, then
 * OpenGraph and article:* meta tags, then the canonical link, then theme markup, then the page's
 * most paragraph-rich element. Menus, sidebars, share buttons, ads, comments and the comment form
 * are left out of the text; author boxes and related-posts blocks become authors and related links.
 */
public final class HtmlArticleReader {

    private static final Pattern ABSOLUTE_URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

    private final HtmlSanitizer sanitizer;
    private final String siteBaseUrl;

    public HtmlArticleReader(HtmlSanitizer sanitizer, String siteBaseUrl) {
        this.sanitizer = sanitizer;
        this.siteBaseUrl = siteBaseUrl;
    }

    /**
     * @param pageUrl the page's canonical address when the request named it (?url=), used when the HTML does not carry one
     * @param slug    the Slug header, if any
     * @throws InvalidArticleException {@link InvalidArticleException#nothingToExtract} when no title or no body
     *         can be found; otherwise for a body that is not an HTML page or a field that breaks a rule
     */
    public ArticleDraft read(byte[] body, Optional<String> pageUrl, Optional<String> slug) throws InvalidArticleException {
        String parseBase = pageUrl.filter(url -> url.matches("(?i)https?://\\S+")).orElse(siteBaseUrl + "/");
        Document page = HtmlDocuments.parse(body, parseBase);
        DraftValidator check = new DraftValidator();
        PageFacts jsonLd = PageJsonLd.read(page);
        PageFacts meta = PageMeta.read(page);

        Optional<String> url = PageChoice.firstValid(check, "$.url", DraftValidator::url, PageText.absolute(parseBase, jsonLd.url),
                PageText.absolute(parseBase, meta.url), pageUrl.orElse(null));
        String base = url.orElse(siteBaseUrl + "/");
        page.setBaseUri(base);
        PageFacts theme = theme(page);
        String title = PageText.firstGiven(jsonLd.title, meta.title, theme.title,
                PageTitles.heading(page), PageTitles.documentTitle(page));
        PageBoilerplate.clean(page.body());
        String html = body(page, title, jsonLd, theme);
        nothingToExtract(title, html);
        String content = check.content("$.content", html, sanitizer, base);

        Optional<String> summary = check.summary("$.summary", PageText.firstGiven(jsonLd.summary, meta.summary));
        Optional<Instant> published = PageChoice.firstValid(check, "$.published", DraftValidator::date,
                jsonLd.published, meta.published, theme.published);
        Optional<Instant> updated = PageChoice.firstValid(check, "$.updated", DraftValidator::date,
                jsonLd.updated, meta.updated, theme.updated);
        check.datesInOrder("$.updated", published, updated);
        ArticleDraft draft = new ArticleDraft(
                guid(check, jsonLd.guid, url),
                url,
                check.title("$.title", title),
                summary,
                content,
                authors(check, base, List.of(jsonLd.authors, meta.authors, theme.authors)),
                check.terms("$.categories", firstNonEmpty(jsonLd.categories, meta.categories, theme.categories),
                        DraftValidator.MAX_CATEGORIES),
                check.terms("$.tags", firstNonEmpty(jsonLd.tags, meta.tags, theme.tags), DraftValidator.MAX_TAGS),
                published,
                updated,
                PageChoice.firstValid(check, "$.image", DraftValidator::url, PageText.absolute(base, jsonLd.image),
                        PageText.absolute(base, meta.image), PageText.absolute(base, theme.image)),
                related(check, base, url, theme.related),
                PageChoice.firstValid(check, "$.language", (c, field, raw) -> Optional.of(c.language(field, raw.replace('_', '-'))),
                        jsonLd.language, meta.language).orElse("ar"),
                slug.flatMap(check::pageSlug));
        check.throwIfAny();
        return draft;
    }

    /** What the theme's markup says; its related-posts blocks and author boxes are taken out of the page as they are read. */
    private static PageFacts theme(Document page) {
        List<PageFacts.Link> related = PageRelated.extract(page.body());
        List<PageFacts.Author> authors = PageBylines.extract(page.body());
        PageFacts theme = PageWordPress.read(page.body());
        theme.related.addAll(related);
        theme.authors.addAll(authors);
        return theme;
    }

    /**
     * The article's HTML: the theme's content element, else the most paragraph-rich element, else
     * JSON-LD articleBody as paragraphs. "Read also" lines found in it go first among the related links.
     */
    private static String body(Document page, String title, PageFacts jsonLd, PageFacts theme) {
        Optional<Element> element = PageWordPress.content(page.body()).or(() -> PageReadable.best(page.body()));
        if (element.isPresent()) {
            theme.related.addAll(0, PageBody.tidy(element.get(), title == null ? "" : title));
            if (!PageText.line(element.get()).isEmpty()) {
                return element.get().html();
            }
        }
        if (jsonLd.bodyText == null) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : jsonLd.bodyText.split("\\R")) {
            if (!PageText.line(paragraph).isEmpty()) {
                html.append("<p>").append(Entities.escape(paragraph.strip())).append("</p>\n");
            }
        }
        return html.toString();
    }

    private static void nothingToExtract(String title, String html) throws InvalidArticleException {
        List<Problem> missing = new ArrayList<>();
        if (PageText.line(title == null ? "" : HtmlSanitizer.plainText(title)).isEmpty()) {
            missing.add(new Problem("$.title", "no headline found: looked for a JSON-LD headline, og:title, h1.entry-title or"
                    + " .post-title, an h1 outside the site header, and <title>"));
        }
        if (html == null || HtmlSanitizer.textOf(html).isEmpty()) {
            missing.add(new Problem("$.content", "no article text found: looked in .entry-content, .post-content and"
                    + " .td-post-content, in the element with the most paragraph text, and in JSON-LD articleBody"));
        }
        if (!missing.isEmpty()) {
            throw InvalidArticleException.nothingToExtract(missing);
        }
    }

    /** JSON-LD's @id, when it is an absolute URI that says more than the page's address. */
    private static Optional<String> guid(DraftValidator check, String id, Optional<String> url) {
        if (id == null || !ABSOLUTE_URI.matcher(id.strip()).matches()) {
            return Optional.empty();
        }
        Optional<String> asAddress = new DraftValidator().url("$.guid", id);
        if (url.isPresent() && (url.get().equals(id.strip()) || url.equals(asAddress))) {
            return Optional.empty();
        }
        return check.guid("$.guid", id);
    }

    private static List<AuthorDraft> authors(DraftValidator check, String base, List<List<PageFacts.Author>> sources) {
        List<PageFacts.Author> authors = PageAuthors.merge(sources);
        if (authors.size() > DraftValidator.MAX_AUTHORS) {
            check.problem("$.authors", "may have at most " + DraftValidator.MAX_AUTHORS + " entries (the page names "
                    + authors.size() + ")");
            return List.of();
        }
        List<AuthorDraft> drafts = new ArrayList<>();
        for (int i = 0; i < authors.size(); i++) {
            PageFacts.Author author = authors.get(i);
            drafts.add(check.author("$.authors[" + i + "]", author.name(), author.bio(), PageText.absolute(base, author.url())));
        }
        return drafts;
    }

    /**
     * The page's related links to web pages, once each by address and never the article itself. A
     * page may list more stories than a draft takes; the first ones are kept rather than refusing the page.
     */
    private static List<RelatedReference> related(DraftValidator check, String base, Optional<String> url, List<PageFacts.Link> links) {
        Map<String, PageFacts.Link> byUrl = new LinkedHashMap<>();
        for (PageFacts.Link link : links) {
            String absolute = PageText.absolute(base, link.url());
            boolean web = absolute != null && absolute.matches("(?i)https?://\\S+");
            if (web && byUrl.size() < DraftValidator.MAX_RELATED && url.filter(absolute::equals).isEmpty() && !absolute.equals(base)) {
                byUrl.putIfAbsent(absolute, link);
            }
        }
        List<RelatedReference> related = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, PageFacts.Link> link : byUrl.entrySet()) {
            related.add(check.related("$.related[" + i++ + "]", link.getValue().title(), link.getKey(), null));
        }
        return related;
    }

    @SafeVarargs
    private static List<TermDraft> firstNonEmpty(List<TermDraft>... sources) {
        for (List<TermDraft> source : sources) {
            if (!source.isEmpty()) {
                return source;
            }
        }
        return List.of();
    }
}
