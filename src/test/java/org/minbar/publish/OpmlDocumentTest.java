package org.minbar.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minbar.config.FeedsDirectory;
import org.minbar.config.SiteConfig;
import org.minbar.model.FeedKey;
import org.minbar.publish.HtmlPages.FeedEntry;
import org.minbar.support.Xml;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

// Covers OpmlDocument.render: what the W3C Feed Validation Service accepts without an error or a warning.
class OpmlDocumentTest {

    private static final String BASE = "https://news.example.org";
    private static final SiteConfig SITE = FeedsDirectory.load(Path.of("feeds"), Optional.of(BASE), BASE);

    private final Document opml = Xml.parse(new OpmlDocument(SITE, new SiteLinks(SITE)).render(
            List.of(new FeedEntry(FeedKey.category("سوريا"), "سوريا")),
            List.of(new FeedEntry(FeedKey.author("نور-الدين"), "نور الدين"))));

    @Test
    void theHeadHoldsOnlyATitleAndOwnerName() {
        Element head = Xml.child(opml.getDocumentElement(), null, "head");
        assertEquals(List.of("title", "ownerName"), childNames(head));
        assertEquals("خلاصات منبر الأخبار الدفاعية", Xml.text(head, null, "title"));
    }

    @Test
    void groupsHaveOnlyTextSoNoneLooksLikeASubscriptionWithoutAType() {
        List<Element> groups = Xml.children(Xml.child(opml.getDocumentElement(), null, "body"), null, "outline");
        assertEquals(List.of("الموقع", "التصنيفات", "الكتّاب"), groups.stream().map(g -> g.getAttribute("text")).toList());
        for (Element group : groups) {
            assertEquals(List.of("text"), attributeNames(group));
        }
    }

    @Test
    void subscriptionsAreTypedRssOutlinesWithTheirFeedAndPage() {
        Element category = Xml.child(Xml.children(Xml.child(opml.getDocumentElement(), null, "body"), null, "outline").get(1),
                null, "outline");
        assertEquals(List.of("htmlUrl", "language", "text", "title", "type", "xmlUrl"), attributeNames(category));
        assertEquals("rss", category.getAttribute("type"));
        assertEquals("سوريا", category.getAttribute("title"));
        assertEquals(BASE + "/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/", category.getAttribute("xmlUrl"));
        assertEquals(BASE + "/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/", category.getAttribute("htmlUrl"));
    }

    private static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                names.add(element.getLocalName());
            }
        }
        return names;
    }

    /** Sorted: DOM gives attributes in no set order. */
    private static List<String> attributeNames(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            names.add(((Attr) attributes.item(i)).getName());
        }
        names.sort(null);
        return names;
    }
}
