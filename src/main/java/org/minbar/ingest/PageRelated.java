package org.minbar.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Finds a page's related-posts blocks (Jetpack, YARPP, Contextual Related Posts, tagDiv themes, or
 * a heading such as "مقالات ذات صلة" over a list of links), takes their headlines and addresses,
 * and removes them, so they become related links instead of article text.
 */
final class PageRelated {

    private static final String BLOCKS = ".jp-relatedposts, #jp-relatedposts, .related-posts, .relatedposts, .yarpp-related,"
            + " .crp_related, [class*=td-related], .td_block_related_posts, .related-articles";
    private static final List<String> HEADINGS = PageText.foldedAll("مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة",
            "اقرأ أيضا", "اقرأ كذلك", "Related", "Related posts", "Related articles", "Related stories");
    /** Where a block's own headlines are, when it marks them; otherwise every link with text counts. */
    private static final String HEADLINE_LINKS = "h2 a, h3 a, h4 a, h5 a, h6 a, .entry-title a, a.entry-title,"
            + " .jp-relatedposts-post-title a, a[rel=bookmark]";
    private static final String NOT_HEADLINES = "a[rel~=(?i)category|tag|author], .td-post-category, .cat-links a, .post-categories a";

    private PageRelated() {}

    static List<PageFacts.Link> extract(Element root) {
        List<PageFacts.Link> links = new ArrayList<>();
        for (Element block : outermost(root.select(BLOCKS))) {
            links.addAll(links(block));
            block.remove();
        }
        for (Element heading : root.select("h2, h3, h4, h5, h6, [class*=title], p, strong")) {
            if (heading.root() != root.root() || !HEADINGS.contains(PageText.folded(heading.text())) || !heading.select("a[href]").isEmpty()) {
                continue;
            }
            Element list = listAfter(heading);
            if (list != null) {
                links.addAll(links(list));
                list.remove();
                heading.remove();
            }
        }
        return links;
    }

    /** The element after the heading (or after its parent, when the heading is wrapped) that holds links. */
    private static Element listAfter(Element heading) {
        Element next = heading.nextElementSibling();
        if (next == null && heading.parent() != null) {
            next = heading.parent().nextElementSibling();
        }
        return next != null && next.is("ul, ol, div, section, nav") && !next.select("a[href]").isEmpty() ? next : null;
    }

    /** Each linked headline in the block once, by address. */
    private static List<PageFacts.Link> links(Element block) {
        Elements candidates = block.select(HEADLINE_LINKS);
        if (candidates.isEmpty()) {
            candidates = block.select("a[href]");
        }
        candidates.removeAll(block.select(NOT_HEADLINES));
        Map<String, PageFacts.Link> byUrl = new LinkedHashMap<>();
        for (Element link : candidates) {
            String href = link.attr("href").strip();
            String title = PageText.firstGiven(link.text(), link.attr("title"));
            if (title != null && !href.isEmpty() && !href.startsWith("#") && !href.regionMatches(true, 0, "javascript:", 0, 11)) {
                byUrl.putIfAbsent(href, new PageFacts.Link(PageText.line(title), href));
            }
        }
        return List.copyOf(byUrl.values());
    }

    /** The matches that are not inside another match. */
    static List<Element> outermost(Elements matches) {
        return matches.stream().filter(e -> e.parents().stream().noneMatch(matches::contains)).toList();
    }
}
