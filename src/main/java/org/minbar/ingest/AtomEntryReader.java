package org.minbar.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.minbar.model.ArticleDraft;
import org.minbar.model.AuthorDraft;
import org.minbar.model.RelatedReference;
import org.minbar.model.TermDraft;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads an Atom entry (RFC 4287) as an AtomPub client POSTs or PUTs it. The XML parser refuses any
 * DOCTYPE, so no DTD is read and no entity, internal or external, is expanded. atom:id is the
 * guid, rel="alternate" the URL, rel="related" links the related stories, categories with a tag
 * scheme ({@link #isTagScheme}) are tags, and the entry's xml:lang its language.
 */
public final class AtomEntryReader {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    private static final String XML = XMLConstants.XML_NS_URI;

    private final HtmlSanitizer sanitizer;
    private final String siteBaseUrl;

    public AtomEntryReader(HtmlSanitizer sanitizer, String siteBaseUrl) {
        this.sanitizer = sanitizer;
        this.siteBaseUrl = siteBaseUrl;
    }

    public ArticleDraft read(byte[] body, Optional<String> slug) throws InvalidArticleException {
        Element entry = parse(body).getDocumentElement();
        if (!ATOM.equals(entry.getNamespaceURI()) || !"entry".equals(entry.getLocalName())) {
            throw new InvalidArticleException("/", "must be an Atom entry: <entry xmlns=\"" + ATOM + "\">");
        }
        DraftValidator check = new DraftValidator();
        Optional<String> url = links(entry, "alternate").stream().findFirst().flatMap(link -> check.url("/entry/link[@rel='alternate']", link.getAttribute("href")));
        Optional<Element> titleElement = child(entry, "title");
        String title = check.title("/entry/title", titleElement.map(AtomEntryReader::textOf).orElse(null));
        Optional<String> summary = check.summary("/entry/summary", child(entry, "summary").map(AtomEntryReader::textOf).orElse(null));
        String content = check.content("/entry/content", content(check, entry), sanitizer, url.orElse(siteBaseUrl + "/"));
        if (content.isEmpty() && summary.isEmpty()) {
            check.problem("/entry/content", "is required (or at least a summary)");
        }
        var published = check.date("/entry/published", child(entry, "published").map(Node::getTextContent).orElse(null));
        var updated = check.date("/entry/updated", child(entry, "updated").map(Node::getTextContent).orElse(null));
        check.datesInOrder("/entry/updated", published, updated);

        List<AuthorDraft> authors = new ArrayList<>();
        List<Element> authorElements = children(entry, "author");
        for (int i = 0; i < authorElements.size(); i++) {
            Element author = authorElements.get(i);
            authors.add(check.author("/entry/author[" + (i + 1) + "]", child(author, "name").map(Node::getTextContent).orElse(null),
                    null, child(author, "uri").map(Node::getTextContent).orElse(null)));
        }
        List<TermDraft> categories = new ArrayList<>();
        List<TermDraft> tags = new ArrayList<>();
        for (Element category : children(entry, "category")) {
            String term = category.getAttribute("term");
            String label = category.getAttribute("label");
            TermDraft draft = new TermDraft(label.isBlank() ? term : label, label.isBlank() ? Optional.empty() : Optional.of(term));
            (isTagScheme(category.getAttribute("scheme")) ? tags : categories).add(draft);
        }
        List<RelatedReference> related = new ArrayList<>();
        List<Element> relatedLinks = links(entry, "related");
        for (int i = 0; i < relatedLinks.size(); i++) {
            Element link = relatedLinks.get(i);
            related.add(check.related("/entry/link[@rel='related'][" + (i + 1) + "]", link.getAttribute("title"),
                    link.getAttribute("href"), null));
        }
        ArticleDraft draft = new ArticleDraft(
                check.guid("/entry/id", child(entry, "id").map(Node::getTextContent).orElse(null)),
                url, title, summary, content, authors,
                check.terms("/entry/category", categories, DraftValidator.MAX_CATEGORIES),
                check.terms("/entry/category[@scheme='…/tag/']", tags, DraftValidator.MAX_TAGS),
                published, updated,
                check.url("/entry/link[@rel='enclosure']", image(entry).orElse(null)),
                related,
                check.language("/entry/@xml:lang", entry.hasAttributeNS(XML, "lang") ? entry.getAttributeNS(XML, "lang") : null),
                slug.flatMap(check::pageSlug));
        check.throwIfAny();
        return draft;
    }

    /**
     * Whether a category's scheme names tags: its path ends in a "tag" segment, with or without the
     * final slash, whatever the host and even relative, so that our own {base}/tag/, a WordPress
     * site's http://blog.example/tag/ and a bare /tag/ all count; a query or fragment is ignored.
     * Any other scheme, or none, is a category.
     */
    static boolean isTagScheme(String scheme) {
        String path = scheme.strip().split("[?#]", 2)[0];
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.substring(path.lastIndexOf('/') + 1).equalsIgnoreCase("tag");
    }

    private static Document parse(byte[] body) throws InvalidArticleException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new InvalidArticleException("/", "must not contain a DOCTYPE: DTDs and entities are not accepted");
            }
            throw new InvalidArticleException("/", "is not well-formed XML: " + message);
        } catch (ParserConfigurationException | IOException e) {
            throw new InvalidArticleException("/", "could not be read: " + e.getMessage());
        }
    }

    /** The entry's content as HTML: html as given, xhtml's div serialized, text escaped; content by reference is refused. */
    private static String content(DraftValidator check, Element entry) {
        Optional<Element> content = child(entry, "content");
        if (content.isEmpty()) {
            return null;
        }
        if (content.get().hasAttribute("src")) {
            check.problem("/entry/content/@src", "content by reference is not accepted; send the article's HTML inline");
            return null;
        }
        String type = content.get().getAttribute("type");
        if (type.isEmpty() || type.equals("text")) {
            return "<p>" + org.jsoup.nodes.Entities.escape(content.get().getTextContent()).replace("\n\n", "</p><p>") + "</p>";
        }
        if (type.equals("html") || type.equals("xhtml")) {
            return textOf(content.get());
        }
        check.problem("/entry/content/@type", "must be text, html or xhtml (got " + type + ")");
        return null;
    }

    /** An Atom text construct as HTML (html, xhtml) or text. */
    static String textOf(Element construct) {
        if (!"xhtml".equals(construct.getAttribute("type"))) {
            return construct.getTextContent();
        }
        StringBuilder html = new StringBuilder();
        for (Node node = construct.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element div) {
                html.append(XhtmlWriter.innerHtml(div));
            }
        }
        return html.toString();
    }

    private static Optional<String> image(Element entry) {
        for (Element link : links(entry, "enclosure")) {
            if (link.getAttribute("type").startsWith("image/")) {
                return Optional.of(link.getAttribute("href"));
            }
        }
        for (Node node = entry.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && MEDIA.equals(element.getNamespaceURI()) && "content".equals(element.getLocalName())) {
                return Optional.of(element.getAttribute("url"));
            }
        }
        return Optional.empty();
    }

    private static List<Element> links(Element entry, String rel) {
        return children(entry, "link").stream()
                .filter(link -> (link.getAttribute("rel").isEmpty() ? "alternate" : link.getAttribute("rel")).equals(rel))
                .toList();
    }

    private static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ATOM.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
