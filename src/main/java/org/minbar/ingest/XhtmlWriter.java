package org.minbar.ingest;

import java.io.StringWriter;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Serializes the children of an Atom xhtml content's div as markup for the sanitizer. */
final class XhtmlWriter {

    private XhtmlWriter() {}

    static String innerHtml(Element div) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            for (Node node = div.getFirstChild(); node != null; node = node.getNextSibling()) {
                transformer.transform(new DOMSource(node), new StreamResult(out));
            }
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("serializing a parsed DOM cannot fail: " + e.getMessage(), e);
        }
    }
}
