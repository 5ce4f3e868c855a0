package org.minbar.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.minbar.model.TermDraft;

/** Reads the OpenGraph and article:* meta tags, the author and description meta tags, the canonical link and html[lang]. */
final class PageMeta {

    private PageMeta() {}

    static PageFacts read(Document page) {
        PageFacts facts = new PageFacts();
        String ogTitle = first(page, "og:title");
        facts.title = ogTitle == null ? null : PageTitles.withoutSiteName(ogTitle, page);
        Element canonical = page.selectFirst("link[rel=canonical][href]");
        facts.url = PageText.firstGiven(first(page, "og:url"), canonical == null ? null : canonical.attr("href"));
        facts.image = PageText.firstGiven(first(page, "og:image:secure_url"), first(page, "og:image"), first(page, "og:image:url"));
        facts.summary = PageText.firstGiven(first(page, "og:description"), first(page, "description"));
        facts.published = first(page, "article:published_time");
        facts.updated = PageText.firstGiven(first(page, "article:modified_time"), first(page, "og:updated_time"));
        Element html = page.selectFirst("html[lang]");
        facts.language = html == null ? null : html.attr("lang");
        all(page, "article:section").forEach(section -> facts.categories.add(TermDraft.named(section)));
        for (String tag : all(page, "article:tag")) {
            for (String part : tag.split("[,،]")) {
                if (!PageText.line(part).isEmpty()) {
                    facts.tags.add(TermDraft.named(part));
                }
            }
        }
        authors(page, facts);
        return facts;
    }

    /**
     * article:author holds a name or the author's page; a page is the author's url, never a name.
     * Names come from it and from meta[name=author]; a single page goes with a single name.
     */
    private static void authors(Document page, PageFacts facts) {
        List<String> names = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (String value : all(page, "article:author")) {
            (isAddress(value) ? urls : names).add(value);
        }
        for (String name : all(page, "author")) {
            if (!isAddress(name) && names.stream().noneMatch(known -> PageText.folded(known).equals(PageText.folded(name)))) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            urls.forEach(url -> facts.authors.add(new PageFacts.Author(null, null, url)));
        } else {
            String url = names.size() == 1 && urls.size() == 1 ? urls.get(0) : null;
            names.forEach(name -> facts.authors.add(new PageFacts.Author(name, null, url)));
        }
    }

    private static boolean isAddress(String value) {
        String line = PageText.line(value);
        return line.matches("(?i)https?://\\S+") || line.startsWith("/");
    }

    private static String first(Document page, String key) {
        List<String> values = all(page, key);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The non-blank contents of meta tags with this property or name, in page order. */
    private static List<String> all(Document page, String key) {
        List<String> values = new ArrayList<>();
        for (Element meta : page.select("meta[property=\"" + key + "\"], meta[name=\"" + key + "\"]")) {
            if (!meta.attr("content").isBlank()) {
                values.add(meta.attr("content"));
            }
        }
        return values;
    }
}
