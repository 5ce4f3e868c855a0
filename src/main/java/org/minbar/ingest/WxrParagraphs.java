package org.minbar.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core of WordPress's wpautop: the classic editor stores paragraphs as text separated by blank
 * lines, and WordPress adds the {@code <p>} only when it displays them. A chunk between blank lines
 * that does not start with a block element becomes a paragraph, its single line breaks
 * {@code <br />}; {@code <pre>} blocks are left as they are. The block editor's delimiters
 * ({@code <!-- wp:paragraph -->}) are removed first, as WordPress does when it renders blocks.
 */
final class WxrParagraphs {

    private static final Pattern BLOCK_DELIMITER = Pattern.compile("<!--\\s+/?wp:.*?-->", Pattern.DOTALL);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n\\s*");
    private static final Pattern PRE = Pattern.compile("<pre[\\s>].*?</pre>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_START = Pattern.compile("^<(?:!--|/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote"
            + "|figure|figcaption|table|thead|tbody|tfoot|tr|td|th|caption|pre|hr|address|section|article|aside|header"
            + "|footer|nav|main|form|fieldset|details|summary|iframe|video|audio|object|embed|style|script)(?=[\\s/>]))",
            Pattern.CASE_INSENSITIVE);
    private static final String HELD = "<!--wxr-pre-";

    private WxrParagraphs() {}

    static String wrap(String html) {
        List<String> pres = new ArrayList<>();
        String text = BLOCK_DELIMITER.matcher(html).replaceAll("").replace("\r\n", "\n").replace('\r', '\n');
        Matcher pre = PRE.matcher(text);
        StringBuilder held = new StringBuilder();
        while (pre.find()) {
            pres.add(pre.group());
            pre.appendReplacement(held, Matcher.quoteReplacement(HELD + (pres.size() - 1) + "-->"));
        }
        pre.appendTail(held);

        StringBuilder out = new StringBuilder();
        for (String chunk : BLANK_LINES.split(held.toString().strip())) {
            String part = chunk.strip();
            if (part.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            if (BLOCK_START.matcher(part).lookingAt()) {
                out.append(part);
            } else {
                out.append("<p>").append(lineBreaks(part)).append("</p>");
            }
        }
        String wrapped = out.toString();
        for (int i = 0; i < pres.size(); i++) {
            wrapped = wrapped.replace(HELD + i + "-->", pres.get(i));
        }
        return wrapped;
    }

    /** Single line breaks become {@code <br />}, except inside a tag that spans lines. */
    private static String lineBreaks(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean inTag = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            }
            if (c == '\n' && !inTag) {
                while (out.length() > 0 && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t')) {
                    out.setLength(out.length() - 1);
                }
                out.append("<br />\n");
                while (i + 1 < text.length() && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
