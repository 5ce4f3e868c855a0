package org.minbar.ingest;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress eXtended RSS export (WXR 1.0 to 1.2) one {@code <item>} at a time with StAX,
 * so an export of any size needs the memory of one item. The channel's authors, categories and
 * tags are remembered as they pass. A DOCTYPE is refused: no DTD is read and no entity expanded.
 * An item that breaks a rule is reported and reading goes on; XML that is not well-formed stops
 * reading with the line where it broke.
 */
public final class WxrReader implements AutoCloseable {

    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final Pattern WP = Pattern.compile("http://wordpress\\.org/export/1\\.\\d+/");
    private static final Pattern EXCERPT = Pattern.compile("http://wordpress\\.org/export/1\\.\\d+/excerpt/");

    private final XMLStreamReader xml;
    private final WxrChannel channel = new WxrChannel();
    private final WxrDrafts drafts = new WxrDrafts(new HtmlSanitizer());
    private int depth;

    private WxrReader(XMLStreamReader xml) {
        this.xml = xml;
    }

    /** Starts reading; the caller closes {@code input}, after closing this reader. */
    public static WxrReader open(InputStream input) throws WxrException {
        try {
            return new WxrReader(factory().createXMLStreamReader(input));
        } catch (XMLStreamException e) {
            throw malformed(e, null);
        }
    }

    /**
     * The local name of the document's root element ("rss" for an export, "entry" for an Atom
     * entry), or empty when the document cannot be read that far. Reads only up to that element.
     */
    public static Optional<String> rootElement(InputStream input) {
        try {
            XMLStreamReader xml = factory().createXMLStreamReader(input);
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        return Optional.empty();
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        return Optional.of(xml.getLocalName());
                    }
                }
                return Optional.empty();
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            return Optional.empty();
        }
    }

    /** The next item, or empty at the end of the export. */
    public Optional<WxrItem> next() throws WxrException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw at(xml.getLocation(), "has a DOCTYPE; WordPress exports have none, and DTDs and entities are not read");
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    Optional<WxrItem> item = element();
                    if (item.isPresent()) {
                        return item;
                    }
                } else if (event == XMLStreamConstants.END_DOCUMENT && !channel.isExport()) {
                    throw at(xml.getLocation(), "not a WordPress export: the channel has no wp:wxr_version");
                }
            }
            return Optional.empty();
        } catch (XMLStreamException e) {
            throw malformed(e, xml.getLocation());
        }
    }

    /** Handles the element just started: the root, the channel, or one of the channel's children. */
    private Optional<WxrItem> element() throws XMLStreamException, WxrException {
        if (depth == 1) {
            if (!is("", "rss")) {
                throw at(xml.getLocation(),
                        "not a WordPress export: the root element is <" + xml.getLocalName() + ">, not <rss>");
            }
            return Optional.empty();
        }
        if (depth == 2 && is("", "channel")) {
            return Optional.empty();
        }
        Optional<WxrItem> item = Optional.empty();
        if (depth != 3) {
            skip();
        } else if (is("", "item")) {
            if (!channel.isExport()) {
                throw at(xml.getLocation(), "not a WordPress export: no wp:wxr_version before the first <item>");
            }
            item = Optional.of(drafts.item(item(), channel));
        } else {
            channelField();
        }
        depth--;
        return item;
    }

    private void channelField() throws XMLStreamException {
        if (is("", "language")) {
            channel.language(text());
        } else if (is("", "link")) {
            channel.blogUrl(text(), false);
        } else if (isWp("wxr_version")) {
            text();
            channel.markExport();
        } else if (isWp("base_blog_url")) {
            channel.blogUrl(text(), true);
        } else if (isWp("author")) {
            String[] fields = fields("author_login", "author_display_name", "author_id");
            channel.author(fields[0], fields[1], fields[2]);
        } else if (isWp("category")) {
            String[] fields = fields("category_nicename", "cat_name", "term_id");
            channel.category(fields[1], fields[0], fields[2]);
        } else if (isWp("tag")) {
            String[] fields = fields("tag_slug", "tag_name", "term_id");
            channel.tag(fields[1], fields[0], fields[2]);
        } else {
            skip();
        }
    }

    /** The text of the named wp: children of the current element, which is consumed. */
    private String[] fields(String... names) throws XMLStreamException {
        String[] values = new String[names.length];
        for (int event = advance(); event != XMLStreamConstants.END_ELEMENT; event = advance()) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                int index = isWp() ? Arrays.asList(names).indexOf(xml.getLocalName()) : -1;
                if (index >= 0) {
                    values[index] = text();
                } else {
                    skip();
                }
            }
        }
        return values;
    }

    private WxrFields item() throws XMLStreamException {
        WxrFields item = new WxrFields(xml.getLocation().getLineNumber());
        for (int event = advance(); event != XMLStreamConstants.END_ELEMENT; event = advance()) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = namespace();
            String name = xml.getLocalName();
            if (ns.isEmpty()) {
                switch (name) {
                    case "title" -> item.title = text();
                    case "link" -> item.link = text();
                    case "guid" -> item.guid = text();
                    case "category" -> item.terms.add(new WxrFields.Term(xml.getAttributeValue(null, "domain"),
                            xml.getAttributeValue(null, "nicename"), text()));
                    default -> skip();
                }
            } else if (ns.equals(DC) && name.equals("creator")) {
                item.creator = text();
            } else if (ns.equals(CONTENT) && name.equals("encoded")) {
                item.content = text();
            } else if (EXCERPT.matcher(ns).matches() && name.equals("encoded")) {
                item.excerpt = text();
            } else if (WP.matcher(ns).matches()) {
                wpField(item, name);
            } else {
                skip();
            }
        }
        return item;
    }

    private void wpField(WxrFields item, String name) throws XMLStreamException {
        switch (name) {
            case "post_date" -> item.postDate = text();
            case "post_date_gmt" -> item.postDateGmt = text();
            case "post_modified" -> item.modified = text();
            case "post_modified_gmt" -> item.modifiedGmt = text();
            case "post_name" -> item.postName = text();
            case "status" -> item.status = text();
            case "post_type" -> item.postType = text();
            case "post_password" -> item.password = text();
            default -> skip(); // postmeta, comments and the rest, read past without keeping them
        }
    }

    /** The element's own text and CDATA; nested elements are skipped. Consumes through its end tag. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = advance();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> skip();
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                default -> {
                    // comments and processing instructions carry no text
                }
            }
        }
    }

    /** Reads past the element just started, through its end tag. */
    private void skip() throws XMLStreamException {
        for (int open = 1; open > 0; ) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) {
                open++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open--;
            }
        }
    }

    /** The next event; a DTD cannot come inside the document, so only the end of input needs a check. */
    private int advance() throws XMLStreamException {
        if (!xml.hasNext()) {
            throw new XMLStreamException("the document ends inside an element", xml.getLocation());
        }
        return xml.next();
    }

    private boolean is(String namespace, String name) {
        return namespace().equals(namespace) && xml.getLocalName().equals(name);
    }

    private boolean isWp(String name) {
        return isWp() && xml.getLocalName().equals(name);
    }

    private boolean isWp() {
        return WP.matcher(namespace()).matches();
    }

    private String namespace() {
        String namespace = xml.getNamespaceURI();
        return namespace == null ? "" : namespace;
    }

    /** The ids the export gave its categories, tags and authors (wp:term_id, wp:author_id), as read so far. */
    public List<WordPressId> wordPressIds() {
        return channel.wordPressIds();
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the parser holds nothing else; the caller closes the stream
        }
    }

    /** The JDK's own StAX parser, with DTDs and external entities off. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    private static WxrException at(Location location, String message) {
        return new WxrException(location.getLineNumber(), location.getColumnNumber(), message);
    }

    /** "ParseError at [row,col]:[3,27]\nMessage: …" becomes "line 3, column 27: not well-formed XML: …". */
    private static WxrException malformed(XMLStreamException e, Location fallback) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int start = message.indexOf("Message: ");
        String reason = start >= 0 ? message.substring(start + "Message: ".length()) : message;
        Location location = e.getLocation() != null ? e.getLocation() : fallback;
        if (location == null) {
            return new WxrException("not well-formed XML: " + reason, e);
        }
        return new WxrException(location.getLineNumber(), location.getColumnNumber(), "not well-formed XML: " + reason);
    }
}
