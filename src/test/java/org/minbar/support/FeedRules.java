package org.minbar.support;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Rules of the W3C Feed Validation Service (validator.w3.org/feed; its Python source) that a feed
 * served by Minbar must pass without an error or a warning, checked on the document as fetched:
 * the self link names the URL it was fetched from (SelfDoesntMatchLocation, MissingAtomSelfLink);
 * no two Atom entries share an id or an atom:updated text (DuplicateEntries, DuplicateUpdated);
 * an fh:archive has a prev- or next-archive link or fh:complete, and a current link
 * (ArchiveIncomplete, MissingCurrentInArchive); RSS 2.0 items have a guid, unique; ttl is a
 * positive integer; sy: elements only on the channel; an enclosure has an absolute http(s) url, a
 * non-negative integer length and a type/subtype type; RFC 822 dates in English with the right
 * day of the week; RSS 1.0's channel and items carry rdf:about, each item its own; every link is
 * absolute and ASCII (IRIs percent-encoded); and the language is Arabic.
 * Each violation is reported as "Rule at place: what was found".
 */
public final class FeedRules {

    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String RSS_10 = "http://purl.org/rss/1.0/";
    private static final String HISTORY = "http://purl.org/syndication/history/1.0";
    private static final String SY = "http://purl.org/rss/1.0/modules/syndication/";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";
    /** rfc2396_full: a scheme, then only the characters RFC 2396 allows in a URI (no raw Unicode, no space). */
    private static final Pattern FULL_URI = Pattern.compile("https?://[^/][0-9a-zA-Z;/?:@&=+$.\\-_!~*'()%,#]*");
    private static final Pattern BAD_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    /** The validator's rfc2822_re, which it accepts without a warning. */
    private static final Pattern RFC_2822 = Pattern.compile("((?<dow>Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(?<date>\\d\\d? "
            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}) \\d\\d:\\d\\d(:\\d\\d)? "
            + "([+-]?\\d\\d[03]0|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
    private static final Pattern MIME = Pattern.compile("[^\\s()<>,;:\\\\\"/\\[\\]?=]+/[^\\s()<>,;:\\\\\"/\\[\\]?=]+(\\s*;.*)?");

    private final String url;
    private final List<String> violations = new ArrayList<>();

    private FeedRules(String url) {
        this.url = url;
    }

    /** The rules the document (RSS 2.0, RSS 0.92, RSS 1.0 or Atom) fetched from {@code url} breaks; empty when none. */
    public static List<String> check(String url, byte[] document) {
        FeedRules rules = new FeedRules(url);
        Element root = Xml.parse(document).getDocumentElement();
        switch (root.getLocalName()) {
            case "rss" -> rules.rss(root);
            case "feed" -> rules.atom(root);
            case "RDF" -> rules.rdf(root);
            default -> rules.violation("UnknownFormat", "/", "root element <" + root.getTagName() + ">");
        }
        return List.copyOf(rules.violations);
    }

    private void rss(Element root) {
        Element channel = Xml.child(root, null, "channel");
        boolean rss20 = root.getAttribute("version").startsWith("2.");
        language("channel/language", Xml.children(channel, null, "language"));
        selfAndArchive("channel", channel, rss20);
        link("channel/link", textOf(channel, null, "link"));
        for (String dated : List.of("pubDate", "lastBuildDate")) {
            Xml.children(channel, null, dated).forEach(e -> rfc822("channel/" + dated, e.getTextContent()));
        }
        Xml.children(channel, null, "ttl").forEach(ttl -> {
            if (!ttl.getTextContent().strip().matches("[1-9][0-9]{0,9}")) {
                violation("InvalidPositiveInteger", "channel/ttl", ttl.getTextContent());
            }
        });
        Set<String> guids = new HashSet<>();
        List<Element> items = Xml.children(channel, null, "item");
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            String where = "item[" + (i + 1) + "]";
            link(where + "/link", textOf(item, null, "link"));
            Xml.children(item, null, "pubDate").forEach(e -> rfc822(where + "/pubDate", e.getTextContent()));
            List<Element> guid = Xml.children(item, null, "guid");
            if (guid.isEmpty() && rss20) {
                violation("MissingGuid", where, "no guid");
            }
            for (Element g : guid) {
                if (!guids.add(g.getTextContent())) {
                    violation("DuplicateValue", where + "/guid", g.getTextContent());
                }
                if (!"false".equals(g.getAttribute("isPermaLink"))) {
                    link(where + "/guid (a permalink)", g.getTextContent());
                }
            }
            Xml.children(item, null, "enclosure").forEach(e -> enclosure(where + "/enclosure", e));
            itemLinks(where, item);
            noSyndication(where, item);
        }
    }

    private void atom(Element feed) {
        String lang = feed.getAttributeNS(XML, "lang");
        if (!lang.equals("ar")) {
            violation("Language", "feed/@xml:lang", lang.isEmpty() ? "none" : lang);
        }
        selfAndArchive("feed", feed, true);
        Xml.children(feed, Xml.ATOM, "updated").forEach(e -> rfc3339("feed/updated", e.getTextContent()));
        Set<String> ids = new HashSet<>();
        Set<String> updated = new HashSet<>();
        List<Element> entries = Xml.children(feed, Xml.ATOM, "entry");
        for (int i = 0; i < entries.size(); i++) {
            Element entry = entries.get(i);
            String where = "entry[" + (i + 1) + "]";
            String id = textOf(entry, Xml.ATOM, "id");
            if (!ids.add(id)) {
                violation("DuplicateEntries", where + "/id", id);
            }
            for (Element time : Xml.children(entry, Xml.ATOM, "updated")) {
                rfc3339(where + "/updated", time.getTextContent());
                if (!updated.add(time.getTextContent())) {
                    violation("DuplicateUpdated", where + "/updated", time.getTextContent() + " (entry " + id + ")");
                }
            }
            Xml.children(entry, Xml.ATOM, "published").forEach(e -> rfc3339(where + "/published", e.getTextContent()));
            itemLinks(where, entry);
            noSyndication(where, entry);
        }
    }

    private void rdf(Element root) {
        Element channel = Xml.child(root, RSS_10, "channel");
        language("channel/dc:language", Xml.children(channel, Xml.DC, "language"));
        about("channel", channel);
        Xml.children(channel, Xml.ATOM, "link").stream().filter(l -> l.getAttribute("rel").equals("self"))
                .forEach(self -> self("channel", self.getAttribute("href")));
        link("channel/link", textOf(channel, RSS_10, "link"));
        Set<String> abouts = new HashSet<>();
        List<Element> items = Xml.children(root, RSS_10, "item");
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            String where = "item[" + (i + 1) + "]";
            about(where, item);
            if (item.hasAttributeNS(RDF, "about") && !abouts.add(item.getAttributeNS(RDF, "about"))) {
                violation("DuplicateValue", where + "/@rdf:about", item.getAttributeNS(RDF, "about"));
            }
            link(where + "/link", textOf(item, RSS_10, "link"));
            noSyndication(where, item);
        }
    }

    /** The self link, the archive links (RFC 5005) and every other document link of a channel or feed. */
    private void selfAndArchive(String where, Element channel, boolean selfRequired) {
        List<Element> links = Xml.children(channel, Xml.ATOM, "link");
        List<String> rels = links.stream().map(l -> l.getAttribute("rel").isEmpty() ? "alternate" : l.getAttribute("rel")).toList();
        List<Element> selves = links.stream().filter(l -> l.getAttribute("rel").equals("self")).toList();
        if (selves.isEmpty() && selfRequired) {
            violation(channel.getLocalName().equals("feed") ? "MissingSelf" : "MissingAtomSelfLink", where, "no atom:link rel=\"self\"");
        }
        selves.forEach(self -> self(where, self.getAttribute("href")));
        links.forEach(l -> link(where + "/link[@rel='" + l.getAttribute("rel") + "']", l.getAttribute("href")));
        if (!Xml.children(channel, HISTORY, "archive").isEmpty()) {
            boolean complete = !Xml.children(channel, HISTORY, "complete").isEmpty();
            if (!complete && !rels.contains("prev-archive") && !rels.contains("next-archive")) {
                violation("ArchiveIncomplete", where, "fh:archive without a prev-archive or next-archive link or fh:complete");
            }
            if (!complete && !rels.contains("current")) {
                violation("MissingCurrentInArchive", where, "fh:archive without a current link");
            }
        }
    }

    private void self(String where, String href) {
        if (!sameAddress(href, url)) {
            violation("SelfDoesntMatchLocation", where + "/link[@rel='self']", href + " (fetched " + url + ")");
        }
    }

    /** An item's or entry's own links (alternate, related, enclosure…), and its media:content. */
    private void itemLinks(String where, Element item) {
        Xml.children(item, Xml.ATOM, "link").forEach(l -> link(where + "/link[@rel='" + l.getAttribute("rel") + "']",
                l.getAttribute("href")));
        Xml.children(item, Xml.MEDIA, "content").forEach(m -> link(where + "/media:content", m.getAttribute("url")));
    }

    private void enclosure(String where, Element enclosure) {
        if (!enclosure.hasAttribute("url")) {
            violation("MissingAttribute", where, "no url");
        } else {
            link(where + "/@url", enclosure.getAttribute("url"));
        }
        if (!enclosure.getAttribute("length").matches("[0-9]{1,18}")) {
            violation("InvalidNonNegativeInteger", where + "/@length", enclosure.getAttribute("length"));
        }
        if (!MIME.matcher(enclosure.getAttribute("type")).matches()) {
            violation("InvalidMIMEAttribute", where + "/@type", enclosure.getAttribute("type"));
        }
    }

    private void noSyndication(String where, Element item) {
        for (Node n = item.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SY.equals(e.getNamespaceURI())) {
                violation("UndefinedElement", where + "/" + e.getTagName(), "sy: elements belong on the channel");
            }
        }
    }

    private void about(String where, Element element) {
        if (!element.hasAttributeNS(RDF, "about")) {
            violation("MissingAttribute", where, "no rdf:about");
        } else {
            link(where + "/@rdf:about", element.getAttributeNS(RDF, "about"));
        }
    }

    private void language(String where, List<Element> languages) {
        if (languages.size() != 1 || !languages.get(0).getTextContent().strip().equals("ar")) {
            violation("Language", where, languages.isEmpty() ? "none" : languages.get(0).getTextContent());
        }
    }

    private void link(String where, String href) {
        if (href == null) {
            return;
        }
        if (!FULL_URI.matcher(href).matches() || BAD_PERCENT.matcher(href).find()) {
            violation("InvalidFullLink", where, href);
        }
    }

    private void rfc822(String where, String value) {
        Matcher date = RFC_2822.matcher(value.strip());
        if (!date.matches()) {
            violation("InvalidRFC2822Date", where, value);
            return;
        }
        try {
            DayOfWeek day = LocalDate.parse(date.group("date"), DAY.withResolverStyle(ResolverStyle.STRICT)).getDayOfWeek();
            if (date.group("dow") != null && !date.group("dow").equals(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))) {
                violation("IncorrectDOW", where, value + " (" + day + ")");
            }
        } catch (DateTimeParseException e) {
            violation("InvalidRFC2822Date", where, value);
        }
    }

    private void rfc3339(String where, String value) {
        if (!RFC_3339.matcher(value).matches()) {
            violation("InvalidRFC3339Date", where, value);
        }
    }

    /** Whether two addresses are the same once normalized as the validator compares a self link with the location. */
    public static boolean sameAddress(String one, String other) {
        return normalized(one).equals(normalized(other));
    }

    /** RFC 3986 normalization: case of scheme, host and %XX, the default port. */
    static String normalized(String address) {
        URI uri = URI.create(address);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == -1 || uri.getPort() == 80 && scheme.equals("http") || uri.getPort() == 443 && scheme.equals("https")
                ? -1 : uri.getPort();
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String rest = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return scheme + "://" + host + (port == -1 ? "" : ":" + port) + upperCasePercents(rest.isEmpty() ? "/" : rest);
    }

    private static String upperCasePercents(String text) {
        StringBuilder out = new StringBuilder(text);
        for (int i = text.indexOf('%'); i >= 0 && i + 2 < text.length(); i = text.indexOf('%', i + 1)) {
            out.replace(i + 1, i + 3, text.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static String textOf(Element parent, String namespace, String name) {
        List<Element> found = Xml.children(parent, namespace, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }

    private void violation(String rule, String where, String found) {
        violations.add(rule + " at " + where + ": " + found);
    }

    /** Violations as a failure message lists them, one a line. */
    public static String describe(List<String> violations) {
        return violations.isEmpty() ? "" : violations.size() + " violation(s) of the W3C validator's rules:\n  "
                + String.join("\n  ", violations);
    }
}
