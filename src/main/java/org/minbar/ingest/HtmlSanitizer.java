package org.minbar.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.minbar.text.BidiControls;
import org.minbar.text.CleanText;
import org.minbar.text.WebAddresses;

/**
 * Makes publisher HTML safe to embed in feeds and pages: Jsoup's relaxed Safelist (no script,
 * style, iframe, form or event handler; links only http, https and mailto; images only http and
 * https) plus figures and the dir/lang attributes Arabic text needs. Relative links are made
 * absolute against the article's address (links that cannot be are dropped), and every http(s)
 * address becomes an ASCII URI, Arabic in it percent-encoded. Directional controls are balanced
 * within each run of text.
 */
public final class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "s", "mark", "abbr", "time", "bdi", "bdo")
            .addAttributes(":all", "dir", "lang", "title")
            .addAttributes("time", "datetime")
            .addAttributes("abbr", "title");

    private final Document.OutputSettings output = new Document.OutputSettings()
            .prettyPrint(false)
            .escapeMode(Entities.EscapeMode.xhtml)
            .charset("UTF-8");

    /** Safe HTML for the fragment, with links resolved against {@code baseUri}. */
    public String sanitize(String html, String baseUri) {
        String clean = Jsoup.clean(CleanText.of(html), baseUri, SAFELIST, output);
        Document document = Jsoup.parseBodyFragment(clean);
        document.outputSettings(output);
        for (Element element : document.select("a[href], img[src], blockquote[cite], q[cite]")) {
            String attribute = element.hasAttr("href") ? "href" : element.hasAttr("src") ? "src" : "cite";
            try {
                element.attr(attribute, WebAddresses.toUri(element.attr(attribute)));
            } catch (IllegalArgumentException e) {
                // mailto: and the like stay as the Safelist let them through
            }
        }
        String body = document.body().html();
        if (BidiControls.hasControl(body)) { // rare: only then is every text node looked at
            for (Element element : document.body().getAllElements()) {
                for (TextNode text : element.textNodes()) { // a directional control never reaches past its own text
                    text.text(BidiControls.balanced(text.getWholeText()));
                }
            }
            body = document.body().html();
        }
        return CleanText.of(body).strip();
    }

    /** The text of an HTML or plain-text fragment, entities decoded and tags removed, on one line. */
    public static String plainText(String fragment) {
        return CleanText.line(Jsoup.parseBodyFragment(CleanText.of(fragment)).text());
    }

    /** The text of an HTML fragment with paragraph breaks kept as spaces. */
    public static String textOf(String html) {
        return CleanText.line(Jsoup.parseBodyFragment(html).body().text());
    }
}
