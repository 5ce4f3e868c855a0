package org.minbar.ingest;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds a page's article text when no markup names it: the element whose own paragraphs hold the
 * most text, discounted by the share of its text that is links (menus and link lists score low).
 * Run on a page already cleared of menus, headers, footers, sidebars, forms and comments.
 */
final class PageReadable {

    private PageReadable() {}

    static Optional<Element> best(Element root) {
        Set<Element> parents = new LinkedHashSet<>();
        root.select("p").forEach(p -> {
            if (p.parent() != null) {
                parents.add(p.parent());
            }
        });
        Element best = null;
        double bestScore = 0;
        for (Element parent : parents) {
            double score = score(parent);
            if (score > bestScore) {
                best = parent;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double score(Element parent) {
        int paragraphs = parent.children().stream().filter(child -> child.is("p")).mapToInt(p -> PageText.line(p).length()).sum();
        int text = PageText.line(parent).length();
        int links = parent.select("a").stream().mapToInt(a -> PageText.line(a).length()).sum();
        return text == 0 ? 0 : paragraphs * (1 - Math.min(1.0, (double) links / text));
    }
}
