package org.minbar.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * Tidies the element chosen as the article's text: drops the headline repeated from the title,
 * empty paragraphs, the empty wrappers ads leave, and "read also" lines (a paragraph that is
 * only a link, or one starting "اقرأ أيضا"), which become related links. Lazy-loaded images get
 * their real address.
 */
final class PageBody {

    private static final List<String> READ_ALSO = PageText.foldedAll("اقرأ أيضا", "اقرأ كذلك", "Read also", "See also");
    /** Room for "إقرأ أيضاً:" and the like around the linked headline. */
    private static final int ANNOUNCEMENT = 40;
    private static final String MEDIA = "img, picture, video, audio, iframe, object";

    private PageBody() {}

    /** Tidies {@code body} in place and returns the links taken from its "read also" lines. */
    static List<PageFacts.Link> tidy(Element body, String title) {
        String foldedTitle = PageText.folded(title);
        body.select("h1").stream().filter(h1 -> PageText.folded(h1.text()).equals(foldedTitle)).forEach(Element::remove);
        List<PageFacts.Link> readAlso = new ArrayList<>();
        for (Element line : body.select("p, div, blockquote.wp-embedded-content")) {
            if (line.root() == body.root() && line != body) {
                readAlso(line).ifPresent(link -> {
                    readAlso.add(link);
                    line.remove();
                });
            }
        }
        for (Element img : body.select("img[data-src], img[data-lazy-src]")) {
            if (img.attr("src").isBlank() || img.attr("src").startsWith("data:")) {
                img.attr("src", img.hasAttr("data-lazy-src") ? img.attr("data-lazy-src") : img.attr("data-src"));
            }
        }
        for (Element holder : body.select("p, div, section, span")) {
            if (holder != body && PageText.line(holder).isEmpty() && holder.select(MEDIA).isEmpty()) {
                holder.remove();
            }
        }
        return readAlso;
    }

    /**
     * The link a "read also" line points to. A line that announces one ("اقرأ أيضا: …") may hold
     * little besides its link, so that a wrapper whose first paragraph is such a line is not taken
     * for one; an announcement without a link is dropped and gives none.
     */
    private static Optional<PageFacts.Link> readAlso(Element line) {
        String text = PageText.line(line);
        if (text.isEmpty() || !line.select(MEDIA).isEmpty()) {
            return Optional.empty();
        }
        List<Element> links = line.select("a[href]").stream().filter(a -> !PageText.line(a).isEmpty()).toList();
        Optional<Element> link = links.size() == 1 ? Optional.of(links.get(0)) : Optional.empty();
        int linkText = link.map(a -> PageText.line(a).length()).orElse(0);
        boolean onlyALink = linkText == text.length();
        boolean announced = PageText.startsWithAny(PageText.folded(text), READ_ALSO) && text.length() <= linkText + ANNOUNCEMENT;
        if (!onlyALink && !announced) {
            return Optional.empty();
        }
        if (link.isEmpty()) {
            line.remove();
        }
        return link.map(a -> new PageFacts.Link(PageText.line(a), a.attr("href")));
    }
}
