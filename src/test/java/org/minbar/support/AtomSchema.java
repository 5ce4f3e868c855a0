package org.minbar.support;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.IncorrectSchemaException;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.Validator;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates Atom documents against RFC 4287's RELAX NG grammar (Appendix B), and checks the two
 * rules the RFC states in Schematron: a feed has an author unless all its entries do, and an
 * entry has an alternate link or content.
 */
public final class AtomSchema {

    /** Compiled once: compiling the grammar cost more than validating a feed against it. */
    private static final Schema SCHEMA = load();

    private AtomSchema() {}

    private static Schema load() {
        try {
            return CompactSchemaReader.getInstance().createSchema(
                    new InputSource(AtomSchema.class.getResource("/schemas/atom.rnc").toString()),
                    new PropertyMapBuilder().toPropertyMap());
        } catch (java.io.IOException | org.xml.sax.SAXException | IncorrectSchemaException e) {
            throw new IllegalStateException("the Atom schema did not load: " + e.getMessage(), e);
        }
    }

    /** @throws AssertionError listing every violation, with line numbers */
    public static void validate(byte[] document) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override public void warning(SAXParseException e) {}
            @Override public void error(SAXParseException e) { errors.add("line " + e.getLineNumber() + ": " + e.getMessage()); }
            @Override public void fatalError(SAXParseException e) { error(e); }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        try {
            Validator validator = SCHEMA.createValidator(properties.toPropertyMap());
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setContentHandler(validator.getContentHandler());
            reader.setErrorHandler(collect);
            reader.parse(new InputSource(new ByteArrayInputStream(document)));
        } catch (java.io.IOException | org.xml.sax.SAXException | ParserConfigurationException e) {
            throw new AssertionError("validation could not run: " + e.getMessage(), e);
        }
        Document parsed = Xml.parse(document);
        Element root = parsed.getDocumentElement();
        List<Element> entries = root.getLocalName().equals("entry") ? List.of(root) : Xml.children(root, Xml.ATOM, "entry");
        boolean feedAuthor = root.getLocalName().equals("feed") && !Xml.children(root, Xml.ATOM, "author").isEmpty();
        for (Element entry : entries) {
            if (!feedAuthor && Xml.children(entry, Xml.ATOM, "author").isEmpty()) {
                errors.add("an entry without an author in a feed without one: " + Xml.text(entry, Xml.ATOM, "id"));
            }
            boolean alternate = Xml.children(entry, Xml.ATOM, "link").stream()
                    .anyMatch(l -> l.getAttribute("rel").isEmpty() || l.getAttribute("rel").equals("alternate"));
            if (!alternate && Xml.children(entry, Xml.ATOM, "content").isEmpty()) {
                errors.add("an entry with neither an alternate link nor content: " + Xml.text(entry, Xml.ATOM, "id"));
            }
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("not valid Atom (RFC 4287):\n" + String.join("\n", errors));
        }
    }
}
