package org.minbar.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.minbar.publish.FeedFixtures.LIFETIMES;
import static org.minbar.publish.FeedFixtures.LINKS;
import static org.minbar.publish.RssWriterTest.SY;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minbar.support.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

// Covers Rss10Writer: the channel's syndication hints, which repeat the Cache-Control max-age.
class Rss10WriterTest {

    private static final String RSS_10 = "http://purl.org/rss/1.0/";

    private final Rss10Writer writer = new Rss10Writer(LINKS, LIFETIMES);

    @Test
    void theChannelSaysHourlyTwelveTimes() {
        Element channel = Xml.child(write(FeedFixtures.current()).getDocumentElement(), RSS_10, "channel");
        assertEquals("hourly", Xml.text(channel, SY, "updatePeriod"));
        assertEquals("12", Xml.text(channel, SY, "updateFrequency"));
    }

    @Test
    void syndicationHintsAreOnTheChannelOnlyNeverInItems() {
        Document rdf = write(FeedFixtures.current());
        assertEquals(1, Xml.children(rdf.getDocumentElement(), RSS_10, "item").size());
        for (String name : List.of("updatePeriod", "updateFrequency")) {
            List<Element> found = Xml.all(rdf, SY, name);
            assertEquals(1, found.size(), name);
            assertEquals("channel", found.get(0).getParentNode().getLocalName(), name);
        }
    }

    private Document write(FeedChannel channel) {
        return Xml.parse(writer.write(channel, List.of(FeedFixtures.item(Optional.empty())), 12_000));
    }
}
