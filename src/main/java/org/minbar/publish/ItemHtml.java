package org.minbar.publish;

import java.util.ArrayList;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.minbar.model.Article;
import org.minbar.model.RelatedLink;
import org.minbar.text.WebAddresses;

/**
 * The HTML an item carries as its full content: wrapped in an element with the article's
 * direction and language (dir="rtl" lang="ar") so readers lay Arabic out right to left, the lead
 * image first unless the body already shows it, the body (cut to a budget with a link to the rest
 * when it is very long), then the related stories.
 */
final class ItemHtml {

    static final String RELATED_HEADING = "أخبار ذات صلة";
    static final String READ_MORE = "تابع القراءة";

    private ItemHtml() {}

    static String of(FeedItem item, int maxTextChars) {
        Article article = item.article();
        Document document = Document.createShell("");
        document.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.xhtml);
        Element wrapper = document.body().appendElement("div")
                .attr("dir", Languages.direction(article.language()))
                .attr("lang", article.language());
        Element body = new Element("div");
        body.html(article.content());
        if (article.image().isPresent() && !showsImage(body, article.image().get())) {
            wrapper.appendElement("figure").appendElement("img")
                    .attr("src", article.image().get()).attr("alt", article.title());
        }
        boolean cut = truncate(body, maxTextChars);
        wrapper.appendChildren(new ArrayList<>(body.childNodes()));
        if (cut) {
            wrapper.appendElement("p").appendElement("a").attr("href", item.link()).text(READ_MORE + " …");
        }
        if (!item.related().isEmpty()) {
            wrapper.appendElement("h3").text(RELATED_HEADING);
            Element list = wrapper.appendElement("ul");
            for (RelatedLink link : item.related()) {
                list.appendElement("li").appendElement("a").attr("href", link.url()).text(link.title());
            }
        }
        return wrapper.outerHtml();
    }

    /** Keeps the first {@code maxChars} characters of text, dropping what follows; true if anything was cut. */
    static boolean truncate(Element root, int maxChars) {
        int[] remaining = {maxChars};
        return cut(root, remaining);
    }

    private static boolean cut(Node node, int[] remaining) {
        boolean cutAny = false;
        for (Node child : new ArrayList<>(node.childNodes())) {
            if (remaining[0] <= 0) {
                child.remove();
                cutAny = true;
            } else if (child instanceof TextNode text) {
                String value = text.getWholeText();
                if (value.length() > remaining[0]) {
                    int end = value.lastIndexOf(' ', remaining[0]);
                    text.text(value.substring(0, end > 0 ? end : remaining[0]) + " …");
                    remaining[0] = 0;
                    cutAny = true;
                } else {
                    remaining[0] -= value.length();
                }
            } else {
                cutAny |= cut(child, remaining);
            }
        }
        return cutAny;
    }

    private static boolean showsImage(Element body, String src) {
        return body.select("img").stream().anyMatch(img -> sameAddress(img.attr("src"), src));
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return WebAddresses.toUri(a).equals(WebAddresses.toUri(b));
        } catch (IllegalArgumentException e) {
            return a.equals(b);
        }
    }
}
