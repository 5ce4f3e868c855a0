package org.minbar.support;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses served documents the way a strict client would: namespace-aware XML without DTDs, and Rome. */
public final class Xml {

    public static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    public static final String DC = "http://purl.org/dc/elements/1.1/";
    public static final String MEDIA = "http://search.yahoo.com/mrss/";

    private Xml() {}

    public static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The document written back as UTF-8, as a client sends an entry it has edited. */
    public static byte[] bytes(Document document) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new AssertionError("could not write the document: " + e.getMessage(), e);
        }
    }

    public static SyndFeed rome(byte[] bytes) {
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            return input.build(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("Rome could not read the feed: " + e.getMessage(), e);
        }
    }

    /** Child elements of a parent with a namespace and local name, in document order. */
    public static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && name.equals(element.getLocalName())
                    && (namespace == null ? element.getNamespaceURI() == null : namespace.equals(element.getNamespaceURI()))) {
                found.add(element);
            }
        }
        return found;
    }

    public static Element child(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        if (found.isEmpty()) {
            throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
        }
        return found.get(0);
    }

    public static String text(Element parent, String namespace, String name) {
        return child(parent, namespace, name).getTextContent();
    }

    /** Every element anywhere below the root with this namespace and local name. */
    public static List<Element> all(Document document, String namespace, String name) {
        NodeList nodes = document.getElementsByTagNameNS(namespace == null ? "" : namespace, name);
        if (namespace == null) {
            nodes = document.getElementsByTagName(name);
        }
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }
}
