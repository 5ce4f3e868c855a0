package org.minbar.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Reads a WordPress page's authors: the bylines ({@code a[rel=author]}, {@code .author a},
 * {@code .byline}) and the author boxes under the article ("Written by …", "بقلم …" with a bio),
 * which are removed from the page once read, so that they never reach the article text.
 */
final class PageBylines {

    private static final String BOXES = ".author-box, .about-author, .saboxplugin-wrap, .author-info, .author-box-wrap,"
            + " .author-bio-box, #author-box, #author-info, .td-author-box, .molongui-author-box";
    private static final String BOX_NAMES = ".saboxplugin-authorname, .author-name, .author-title, [itemprop=name],"
            + " a[rel=author], h2, h3, h4, h5, strong";
    private static final String BOX_BIOS = ".saboxplugin-desc, .author-description, .author-bio, .author-desc,"
            + " [itemprop=description], p";
    private static final Pattern BY = Pattern.compile("^(?:written by|posted by|by|بقلم|كتب|كتبه|كتبت|الكاتب|الكاتبة)(?:\\s*[:：]\\s*|\\s+)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern READ_MORE = Pattern.compile("\\s*(?:[اإأ]قرأ المزيد|read more)[\\s.…»›→]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private PageBylines() {}

    /** The byline authors, each given the bio and page an author box has for them; the boxes are removed. */
    static List<PageFacts.Author> extract(Element root) {
        List<PageFacts.Author> boxes = new ArrayList<>();
        for (Element box : PageRelated.outermost(root.select(BOXES))) {
            box(box).ifPresent(boxes::add);
            box.remove();
        }
        List<PageFacts.Author> authors = new ArrayList<>();
        for (PageFacts.Author byline : bylines(root)) {
            PageFacts.Author fromBox = boxes.stream().filter(box -> PageAuthors.sameName(box, byline)).findFirst().orElse(null);
            authors.add(fromBox == null ? byline : new PageFacts.Author(byline.name(), fromBox.bio(),
                    byline.url() != null ? byline.url() : fromBox.url()));
        }
        boxes.stream().filter(box -> authors.stream().noneMatch(known -> PageAuthors.sameName(known, box))).forEach(authors::add);
        return authors;
    }

    /** The names in the first kind of byline the page has, outside sidebars and comments. */
    private static List<PageFacts.Author> bylines(Element root) {
        for (String query : List.of("a[rel=author]", ".author a, .author-name a, .entry-author a, .td-post-author-name a", ".byline a", ".byline")) {
            List<PageFacts.Author> found = new ArrayList<>();
            for (Element byline : root.select(query)) {
                PageFacts.Author author = new PageFacts.Author(withoutBy(byline.text()), null,
                        byline.is("a[href]") ? byline.attr("href") : null);
                if (!PageText.inChrome(byline) && !author.name().isEmpty() && found.stream().noneMatch(known -> PageAuthors.sameName(known, author))) {
                    found.add(author);
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static Optional<PageFacts.Author> box(Element box) {
        String name = "";
        Element named = null;
        for (Element candidate : box.select(BOX_NAMES)) {
            name = withoutBy(candidate.text());
            if (!name.isEmpty()) {
                named = candidate;
                break;
            }
        }
        if (named == null) {
            return Optional.empty();
        }
        String bio = null;
        for (Element candidate : box.select(BOX_BIOS)) {
            String text = PageText.line(READ_MORE.matcher(PageText.line(candidate)).replaceFirst(""));
            if (!text.isEmpty() && candidate != named && !named.parents().contains(candidate)) {
                bio = text;
                break;
            }
        }
        Element link = named.is("a[href]") ? named : named.selectFirst("a[href]");
        if (link == null) {
            link = box.selectFirst("a[rel=author], a[href*=/author/]");
        }
        return Optional.of(new PageFacts.Author(name, bio, link == null ? null : link.attr("href")));
    }

    /** "Written by نور الدين" → "نور الدين". */
    static String withoutBy(String text) {
        return PageText.line(BY.matcher(PageText.line(text)).replaceFirst(""));
    }

}
