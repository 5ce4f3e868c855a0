package org.minbar.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.minbar.model.TermDraft;

/**
 * Reads what WordPress themes mark up in the article itself: the entry title, the entry's time
 * elements, rel="category tag" and rel="tag" links (their slugs taken from the term's address),
 * the featured image, and the element that holds the article's text.
 */
final class PageWordPress {

    private static final String TITLES = "h1.entry-title, h1.post-title, .post-title h1, h1.td-post-title, .td-post-title h1";
    private static final String CONTENT = ".entry-content, .post-content, article .td-post-content, .td-post-content,"
            + " [itemprop=articleBody]";

    private PageWordPress() {}

    /** The article's fields from theme markup; call after related blocks and author boxes are removed. */
    static PageFacts read(Element root) {
        PageFacts facts = new PageFacts();
        facts.title = firstOutsideChrome(root, TITLES).map(Element::text).orElse(null);
        facts.published = firstOutsideChrome(root, "time.entry-date.published[datetime], time.published[datetime],"
                + " time.entry-date[datetime], time[itemprop=datePublished][datetime], time[datetime]")
                .map(time -> time.attr("datetime")).orElse(null);
        facts.updated = firstOutsideChrome(root, "time.updated:not(.published)[datetime], time[itemprop=dateModified][datetime]")
                .map(time -> time.attr("datetime")).orElse(null);
        facts.image = firstOutsideChrome(root, "img.wp-post-image[src], .post-thumbnail img[src], .td-post-featured-image img[src]")
                .map(img -> img.attr("src")).orElse(null);
        for (Element link : root.select("a[rel][href]")) {
            List<String> rel = List.of(link.attr("rel").toLowerCase(Locale.ROOT).strip().split("\\s+"));
            if (rel.contains("category")) {
                term(link, "category").ifPresent(facts.categories::add);
            } else if (rel.contains("tag")) {
                term(link, "tag").ifPresent(facts.tags::add);
            }
        }
        return facts;
    }

    /** The element with the most text among those themes put the article in, if any has text. */
    static Optional<Element> content(Element root) {
        Element best = null;
        for (Element candidate : root.select(CONTENT)) {
            if (!PageText.inChrome(candidate) && (best == null || PageText.line(candidate).length() > PageText.line(best).length())) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best).filter(element -> !PageText.line(element).isEmpty());
    }

    /** The term a link names, with the last segment of /category/…/ or /tag/… addresses as its slug. */
    private static Optional<TermDraft> term(Element link, String base) {
        String name = PageText.line(link);
        if (name.isEmpty() || PageText.inChrome(link)) {
            return Optional.empty();
        }
        String path = link.attr("href").replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
        int segment = path.lastIndexOf('/');
        boolean wordpress = path.contains("/" + base + "/") && segment >= 0 && segment < path.length() - 1;
        return Optional.of(new TermDraft(name, wordpress ? Optional.of(path.substring(segment + 1)) : Optional.empty()));
    }

    private static Optional<Element> firstOutsideChrome(Element root, String query) {
        return root.select(query).stream().filter(element -> !PageText.inChrome(element)).findFirst();
    }
}
