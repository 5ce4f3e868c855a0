package org.minbar.ingest;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The headline fallbacks that are not theme markup: the page's h1, and its title with the site's name cut off. */
final class PageTitles {

    /** " – Site", " | Site" and the like, between a headline and the site's name. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-–—|·•«»:]{1,2}\\s+");
    private static final String SITE_HEADING = "header, nav, .site-title, .site-branding, .logo, #logo";

    private PageTitles() {}

    /** The first h1 that is not the site's own name in its header. */
    static String heading(Document page) {
        for (Element h1 : page.select("h1")) {
            if (h1.closest(SITE_HEADING) == null && !PageText.inChrome(h1) && !PageText.line(h1).isEmpty()) {
                return h1.text();
            }
        }
        return null;
    }

    /** The document's {@code <title>}, without a trailing site name that og:site_name or an h1 shows. */
    static String documentTitle(Document page) {
        String title = page.title();
        return title.isBlank() ? null : withoutSiteName(title, page);
    }

    /**
     * "Headline – Site" becomes "Headline" when "Site" is the page's og:site_name or the h1 of its
     * header, or when "Headline" is the text of another h1; otherwise the title is kept whole.
     */
    static String withoutSiteName(String title, Document page) {
        Set<String> siteNames = new HashSet<>();
        Element siteName = page.selectFirst("meta[property=og:site_name], meta[name=og:site_name]");
        if (siteName != null) {
            siteNames.add(PageText.folded(siteName.attr("content")));
        }
        Set<String> headlines = new HashSet<>();
        for (Element h1 : page.select("h1")) {
            (h1.closest(SITE_HEADING) == null ? headlines : siteNames).add(PageText.folded(h1.text()));
        }
        String line = PageText.line(title);
        Matcher separator = SEPARATOR.matcher(line);
        while (separator.find()) {
            String before = PageText.folded(line.substring(0, separator.start()));
            String after = PageText.folded(line.substring(separator.end()));
            if (siteNames.contains(after) || headlines.contains(before)) {
                return line.substring(0, separator.start());
            }
        }
        return line;
    }
}
