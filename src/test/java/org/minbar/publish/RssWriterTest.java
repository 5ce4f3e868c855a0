package org.minbar.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.minbar.publish.FeedFixtures.LIFETIMES;
import static org.minbar.publish.FeedFixtures.LINKS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minbar.support.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

// Covers RssWriter: the channel's polling hints, which repeat the Cache-Control max-age, and the lead image's enclosure.
class RssWriterTest {

    static final String SY = "http://purl.org/rss/1.0/modules/syndication/";
    /** As stored: readers percent-encode an address with Arabic in it. */
    static final String IMAGE = "https://img.example/%D8%B5%D9%88%D8%B1/%D8%A5%D8%AF%D9%84%D8%A8.jpg";

    private final RssWriter writer = new RssWriter(LINKS, "Minbar test", LIFETIMES);

    @Test
    void theTtlIsTheMaxAgeInMinutes() {
        Element channel = channel(write(FeedFixtures.current()));
        assertEquals("5", Xml.text(channel, null, "ttl"));
    }

    @Test
    void theChannelSaysHourlyTwelveTimesBesideItsTtl() {
        Element channel = channel(write(FeedFixtures.current()));
        assertEquals("hourly", Xml.text(channel, SY, "updatePeriod"));
        assertEquals("12", Xml.text(channel, SY, "updateFrequency"));
        List<String> names = childNames(channel);
        int ttl = names.indexOf("ttl");
        assertEquals(List.of("ttl", "sy:updatePeriod", "sy:updateFrequency"), names.subList(ttl, ttl + 3));
    }

    @Test
    void syndicationHintsAreOnTheChannelOnlyNeverInItems() {
        Document rss = write(FeedFixtures.current());
        for (String name : List.of("updatePeriod", "updateFrequency")) {
            List<Element> found = Xml.all(rss, SY, name);
            assertEquals(1, found.size(), name);
            assertEquals("channel", found.get(0).getParentNode().getLocalName(), name);
        }
    }

    @Test
    void anArchiveKeptForAMonthSaysSo() {
        Element channel = channel(write(FeedFixtures.archive()));
        assertEquals("43200", Xml.text(channel, null, "ttl"));
        assertEquals("monthly", Xml.text(channel, SY, "updatePeriod"));
        assertEquals("1", Xml.text(channel, SY, "updateFrequency"));
    }

    @Test
    void anotherConfiguredMaxAgeReachesTheTtlAndHints() {
        Document rss = Xml.parse(new RssWriter(LINKS, "Minbar test", new CacheLifetimes(120))
                .write(FeedFixtures.current(), List.of(FeedFixtures.item(Optional.empty())), 12_000));
        Element channel = channel(rss);
        assertEquals("2", Xml.text(channel, null, "ttl"));
        assertEquals("30", Xml.text(channel, SY, "updateFrequency"));
    }

    @Test
    void theLeadImageIsAnEnclosureWithItsTypeAndLengthZero() {
        Element item = item(Optional.of(IMAGE));
        List<Element> enclosures = Xml.children(item, null, "enclosure");
        assertEquals(1, enclosures.size());
        assertEquals(IMAGE, enclosures.get(0).getAttribute("url"));
        assertEquals("image/jpeg", enclosures.get(0).getAttribute("type"));
        assertEquals("0", enclosures.get(0).getAttribute("length"));
        assertEquals(IMAGE, Xml.child(item, Xml.MEDIA, "content").getAttribute("url"), "and media:content as before");
    }

    @Test
    void anImageOfUnknownTypeHasNoEnclosureButKeepsItsMediaContent() {
        Element item = item(Optional.of("https://img.example/photo.php?id=7"));
        assertEquals(List.of(), Xml.children(item, null, "enclosure"));
        assertEquals("https://img.example/photo.php?id=7", Xml.child(item, Xml.MEDIA, "content").getAttribute("url"));
    }

    @Test
    void noImageNoEnclosure() {
        assertEquals(List.of(), Xml.children(item(Optional.empty()), null, "enclosure"));
    }

    private Element item(Optional<String> image) {
        Document rss = Xml.parse(writer.write(FeedFixtures.current(), List.of(FeedFixtures.item(image)), 12_000));
        return Xml.child(channel(rss), null, "item");
    }

    private Document write(FeedChannel channel) {
        return Xml.parse(writer.write(channel, List.of(FeedFixtures.item(Optional.empty())), 12_000));
    }

    private static Element channel(Document rss) {
        return Xml.child(rss.getDocumentElement(), null, "channel");
    }

    /** Child elements by qualified name, in order. */
    static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                names.add(element.getTagName());
            }
        }
        return names;
    }
}
