package org.minbar.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Removes what surrounds an article on its page: menus, headers, footers, sidebars, forms, scripts,
 * share buttons, ads, comment sections and the comment form's boilerplate ("اترك تعليقاً",
 * "لن يتم نشر عنوان بريدك الإلكتروني").
 */
final class PageBoilerplate {

    private static final String TAGS = "nav, header, footer, aside, script, style, noscript, iframe, template, object,"
            + " embed, button, input, select, textarea, label, dialog, svg, canvas, link, meta";
    private static final String SECTIONS = "#comments, .comments-area, #respond, .comment-respond, .comment-list, .commentlist,"
            + " #disqus_thread, [class*=breadcrumb], [id*=breadcrumb], .post-navigation, .nav-links, .entry-meta, .post-meta,"
            + " .screen-reader-text, .skip-link, [hidden], [style~=(?i)display\\s*:\\s*none]";
    private static final List<String> COMMENT_FORM = PageText.foldedAll("اترك تعليق", "أضف تعليق", "أضف تعليقك",
            "لن يتم نشر عنوان بريدك الإلكتروني", "الحقول الإلزامية مشار إليها", "Leave a Reply", "Leave a comment",
            "Your email address will not be published", "Required fields are marked");
    /** What may be left of a comment form's line besides its phrases: "بـ *", "إلغاء الرد". */
    private static final int COMMENT_FORM_REST = 20;
    private static final int COMMENT_FORM_LONGEST = 400;
    private static final List<String> SHARE_OR_AD_PARTS = List.of("ad", "ads", "share", "sharing", "social");
    /** Text enough that an element is the article (an ASP.NET page wraps everything in one form), not chrome. */
    private static final int ARTICLE_TEXT = 500;

    private PageBoilerplate() {}

    static void clean(Element root) {
        root.select(TAGS).remove();
        root.select(SECTIONS).remove();
        for (Element element : root.select("form, [class], [id]")) {
            if (element != root && (element.is("form") || isShareOrAd(element)) && paragraphText(element) < ARTICLE_TEXT) {
                element.remove();
            }
        }
        for (Element element : root.select("*")) {
            if (element != root && isCommentForm(element)) {
                element.remove();
            }
        }
    }

    /** The element says only the comment form's boilerplate. */
    static boolean isCommentForm(Element element) {
        if (element.text().length() > COMMENT_FORM_LONGEST) {
            return false;
        }
        String text = PageText.folded(element.text());
        boolean found = false;
        for (String phrase : COMMENT_FORM) {
            found |= text.contains(phrase);
            text = text.replace(phrase, "");
        }
        return found && text.codePoints().filter(Character::isLetterOrDigit).count() <= COMMENT_FORM_REST;
    }

    /**
     * Share buttons (.sharedaddy, .share-*, .post-share) and ads (.ads, .advert*, id="ad-…"), judged
     * by whole name parts so that "header", "load-more" or "read-more" are never taken for ads, and
     * never by WordPress's post classes, where "category-ads" only names a category.
     */
    private static boolean isShareOrAd(Element element) {
        List<String> names = new ArrayList<>(element.classNames());
        names.add(element.id());
        for (String raw : names) {
            String name = raw.toLowerCase(Locale.ROOT);
            if (name.startsWith("category-") || name.startsWith("tag-")) {
                continue;
            }
            if (name.startsWith("share") || name.startsWith("social") || name.startsWith("sharedaddy") || name.startsWith("addtoany")
                    || name.startsWith("a2a_") || name.startsWith("advert") || name.startsWith("adsbygoogle")) {
                return true;
            }
            if (List.of(name.split("[-_]")).stream().anyMatch(part -> SHARE_OR_AD_PARTS.contains(part))) {
                return true;
            }
        }
        return false;
    }

    private static int paragraphText(Element element) {
        return element.select("p").stream().mapToInt(p -> PageText.line(p).length()).sum();
    }
}
