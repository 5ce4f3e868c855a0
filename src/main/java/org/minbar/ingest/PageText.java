package org.minbar.ingest;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;
import org.minbar.text.ArabicText;
import org.minbar.text.CleanText;

/** Small text and address helpers shared by the HTML page readers. */
final class PageText {

    /** Where a page keeps what is not its article: sidebars, widgets, menus, comments. */
    static final String CHROME = "aside, nav, .widget, .sidebar, #sidebar, #secondary, .site-footer, #colophon,"
            + " #comments, .comments-area, .comment-list, .comment, #respond";

    private PageText() {}

    /** The text on one line, empty for null. */
    static String line(String text) {
        return text == null ? "" : CleanText.line(text);
    }

    static String line(Element element) {
        return line(element.text());
    }

    /** The first value that has text, or null. */
    static String firstGiven(String... values) {
        for (String value : values) {
            if (value != null && !line(value).isEmpty()) {
                return value;
            }
        }
        return null;
    }

    /**
     * Text folded for comparing phrases the way a reader would: no tashkeel or tatweel, one alef,
     * lower case, and without punctuation at either end ("إقرأ أيضاً:" and "اقرأ ايضا" are equal).
     */
    static String folded(String text) {
        return ArabicText.forMatching(line(text)).replaceAll("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$", "");
    }

    static boolean startsWithAny(String foldedText, List<String> foldedPhrases) {
        return foldedPhrases.stream().anyMatch(foldedText::startsWith);
    }

    static List<String> foldedAll(String... phrases) {
        return List.of(phrases).stream().map(PageText::folded).toList();
    }

    /** The address made absolute against {@code base}; as given when it cannot be, so the validator can name the problem. */
    static String absolute(String base, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String absolute = new Element(Tag.valueOf("a"), base).attr("href", raw.strip()).absUrl("href");
        return absolute.isEmpty() ? raw.strip() : absolute;
    }

    static boolean inChrome(Element element) {
        return element.closest(CHROME) != null;
    }
}
