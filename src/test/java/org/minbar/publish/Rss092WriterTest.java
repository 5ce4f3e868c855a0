package org.minbar.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.minbar.publish.FeedFixtures.LINKS;
import static org.minbar.publish.RssWriterTest.IMAGE;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minbar.support.Xml;
import org.w3c.dom.Element;

// Covers Rss092Writer: the lead image as an enclosure, the one way RSS 0.92 carries it.
class Rss092WriterTest {

    private final Rss092Writer writer = new Rss092Writer(LINKS);

    @Test
    void theLeadImageIsAnEnclosureWithItsTypeAndLengthZero() {
        Element enclosure = Xml.child(item(Optional.of(IMAGE)), null, "enclosure");
        assertEquals(IMAGE, enclosure.getAttribute("url"));
        assertEquals("image/jpeg", enclosure.getAttribute("type"));
        assertEquals("0", enclosure.getAttribute("length"));
    }

    @Test
    void anImageOfUnknownTypeOrNoImageHasNoEnclosure() {
        assertEquals(List.of(), Xml.children(item(Optional.of("https://img.example/photo")), null, "enclosure"));
        assertEquals(List.of(), Xml.children(item(Optional.empty()), null, "enclosure"));
    }

    private Element item(Optional<String> image) {
        Element rss = Xml.parse(writer.write(FeedFixtures.current(), List.of(FeedFixtures.item(image)))).getDocumentElement();
        assertEquals("0.92", rss.getAttribute("version"));
        return Xml.child(Xml.child(rss, null, "channel"), null, "item");
    }
}
