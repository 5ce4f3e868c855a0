package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minbar.support.AtomSchema;
import org.minbar.support.FeedParser;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every feed address a subscriber of a WordPress or Ghost site may hold leads, through one 301, to
 * the feed it meant, as a feed reader (feedparser, following the redirect) and Rome read it; the
 * RSS 0.92 and RSS 1.0 feeds WordPress also served are there in their own formats; the comments
 * feeds are valid, empty documents that say why; and a feed address with nothing behind it answers
 * an error a reader can show (plain text), never JSON.
 */
class WordPressAddressesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path storage;
    TestServer server;
    String articlePage;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(storage);
        for (int i = 1; i <= 3; i++) {
            HttpResponse<byte[]> created = server.postJson(String.format(Locale.ROOT, """
                {"guid": "urn:test:wp-%d", "title": "خبر الدفاع الجوي رقم %d", "summary": "ملخص الخبر %d.",
                 "content": "<p>نص الخبر الكامل %d عن منظومة إس-400.</p>",
                 "author": {"name": "سارة المنصوري"}, "categories": ["دفاع جوي"], "tags": ["إس-400"],
                 "published": "2026-01-0%dT10:00:00+03:00"}
                """, i, i, i, i, i));
            assertEquals(201, created.statusCode(), TestServer.text(created));
            if (i == 1) {
                String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
                articlePage = JSON.readTree(server.get("/api/articles/" + id).body()).get("page").asText();
            }
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/?feed=rss2, /feed/, rss20",
        "/?feed=atom, /feed/atom/, atom10",
        "/?feed=rss, /feed/rss/, rss092",
        "/?feed=rdf, /feed/rdf/, rss10",
        "/?feed=json, /feed/json/, ''",
        "/?cat=" + "%D8%AF%D9%81%D8%A7%D8%B9-%D8%AC%D9%88%D9%8A" + "&feed=rss2, /category/%D8%AF%D9%81%D8%A7%D8%B9-%D8%AC%D9%88%D9%8A/feed/, rss20",
        "/?category_name=%D8%AF%D9%81%D8%A7%D8%B9-%D8%AC%D9%88%D9%8A&feed=atom, /category/%D8%AF%D9%81%D8%A7%D8%B9-%D8%AC%D9%88%D9%8A/feed/atom/, atom10",
        "/?tag=%D8%A5%D8%B3-400&feed=rss2, /tag/%D8%A7%D8%B3-400/feed/, rss20",
        "/?author_name=%D8%B3%D8%A7%D8%B1%D8%A9-%D8%A7%D9%84%D9%85%D9%86%D8%B5%D9%88%D8%B1%D9%8A&feed=rdf, /author/%D8%B3%D8%A7%D8%B1%D8%A9-%D8%A7%D9%84%D9%85%D9%86%D8%B5%D9%88%D8%B1%D9%8A/feed/rdf/, rss10",
        "/?s=%D8%A5%D8%B3-400&feed=rss2, /search/%D8%A5%D8%B3-400/feed/, rss20",
        "/?feed=rss2&paged=2, /feed/?paged=2, ''",
        "/feed/rss2/, /feed/, rss20",
        "/feed, /feed/, rss20",
        "/feed/atom, /feed/atom/, atom10",
        "/tag/%D8%A7%D8%B3-400/feed/rss2/, /tag/%D8%A7%D8%B3-400/feed/, rss20",
        "/category/%D8%AF%D9%81%D8%A7%D8%B9-%D8%AC%D9%88%D9%8A/feed, /category/%D8%AF%D9%81%D8%A7%D8%B9-%D8%AC%D9%88%D9%8A/feed/, rss20",
        "/rss/, /feed/, rss20",
        "/tag/%D8%A7%D8%B3-400/rss/, /tag/%D8%A7%D8%B3-400/feed/, rss20",
        "/author/%D8%B3%D8%A7%D8%B1%D8%A9-%D8%A7%D9%84%D9%85%D9%86%D8%B5%D9%88%D8%B1%D9%8A/rss/, /author/%D8%B3%D8%A7%D8%B1%D8%A9-%D8%A7%D9%84%D9%85%D9%86%D8%B5%D9%88%D8%B1%D9%8A/feed/, rss20",
        "/?feed=comments-rss2, /comments/feed/, rss20",
        "/?feed=comments-atom, /comments/feed/atom/, atom10",
        "/?p=123&feed=rss2, /comments/feed/, rss20",
        "/?p=123&feed=atom, /comments/feed/atom/, atom10",
        "/comments/feed/rss2/, /comments/feed/, rss20",
    })
    void anAddressASubscriberHoldsLeadsInOneRedirectToItsFeed(String held, String canonical, String version) throws Exception {
        HttpResponse<byte[]> first = server.get(held);
        assertEquals(301, first.statusCode(), held + ": " + TestServer.text(first));
        assertEquals(canonical, first.headers().firstValue("Location").orElseThrow());
        if (canonical.contains("?")) {
            return; // a later page: PagingIT serves those
        }
        HttpResponse<byte[]> there = server.get(canonical);
        assertEquals(200, there.statusCode(), canonical + ": " + TestServer.text(there));
        if (version.isEmpty()) {
            return; // JSON Feed: this feedparser cannot read it
        }
        JsonNode read = FeedParser.read(server.base() + held);
        assertFalse(read.get("bozo").asBoolean(), "feedparser complained: " + read.get("problem"));
        assertEquals(version, read.get("version").asText());
        assertEquals(server.base() + canonical, read.get("href").asText(), "where the reader ended");
        assertEquals("ar", read.get("language").asText());
        assertEquals(304, read.get("again").asInt());
        if (!canonical.startsWith("/comments/")) {
            assertFalse(read.get("entries").isEmpty(), "entries");
            read.get("entries").forEach(entry ->
                    assertTrue(entry.get("title").asText().startsWith("خبر الدفاع الجوي"), entry.get("title").asText()));
        }
    }

    @Test
    void rss092IsWhatWordPressServedAtFeedRss() throws Exception {
        HttpResponse<byte[]> response = server.get("/feed/rss/");
        assertEquals("application/rss+xml; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        Channel channel = (Channel) wire(response.body());
        assertEquals("rss_0.92", channel.getFeedType());
        assertEquals("ar", channel.getLanguage());
        assertEquals(server.base() + "/", channel.getLink());
        assertEquals(List.of("خبر الدفاع الجوي رقم 3", "خبر الدفاع الجوي رقم 2", "خبر الدفاع الجوي رقم 1"),
                channel.getItems().stream().map(Item::getTitle).toList());
        Item newest = channel.getItems().get(0);
        assertEquals("ملخص الخبر 3.", newest.getDescription().getValue());
        assertTrue(newest.getLink().startsWith(server.base() + "/2026/01/03/"), newest.getLink());
        assertEquals(List.of(server.base() + "/category/", server.base() + "/tag/"),
                newest.getCategories().stream().map(c -> c.getDomain()).toList());
        assertEquals(List.of("دفاع جوي", "إس-400"), newest.getCategories().stream().map(c -> c.getValue()).toList());
    }

    @Test
    void rss10IsWhatWordPressServedAtFeedRdf() throws Exception {
        HttpResponse<byte[]> response = server.get("/feed/rdf/");
        assertEquals("application/rdf+xml; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        Channel channel = (Channel) wire(response.body());
        assertEquals("rss_1.0", channel.getFeedType());
        assertEquals(3, channel.getItems().size());
        Document rdf = Xml.parse(response.body());
        Element root = rdf.getDocumentElement();
        String rdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        String rss = "http://purl.org/rss/1.0/";
        assertEquals("RDF", root.getLocalName());
        Element channelElement = Xml.child(root, rss, "channel");
        assertEquals(server.base() + "/feed/rdf/", channelElement.getAttributeNS(rdfNs, "about"));
        assertEquals("ar", Xml.child(channelElement, Xml.DC, "language").getTextContent());
        List<Element> items = Xml.children(root, rss, "item");
        for (Element item : items) {
            assertEquals(Xml.child(item, rss, "link").getTextContent(), item.getAttributeNS(rdfNs, "about"));
            assertTrue(Xml.child(item, Xml.DC, "date").getTextContent().startsWith("2026-01-0"));
            assertEquals("سارة المنصوري", Xml.child(item, Xml.DC, "creator").getTextContent());
            assertTrue(Xml.child(item, Xml.CONTENT, "encoded").getTextContent()
                    .contains("نص الخبر الكامل"));
        }
    }

    @Test
    void commentsFeedsAreValidEmptyDocumentsThatSayThisSiteTakesNoComments() throws Exception {
        URI page = URI.create(articlePage);
        String postFeed = page.getRawPath() + "feed/";
        for (String path : List.of("/comments/feed/", postFeed)) {
            HttpResponse<byte[]> rss = server.get(path);
            assertEquals(200, rss.statusCode(), path + ": " + TestServer.text(rss));
            Channel channel = (Channel) wire(rss.body());
            assertEquals("rss_2.0", channel.getFeedType());
            assertTrue(channel.getItems().isEmpty(), path);
            assertTrue(channel.getDescription().contains("لا يستقبل هذا الموقع تعليقات"), channel.getDescription());
            Element atomLink = Xml.child(Xml.child(Xml.parse(rss.body()).getDocumentElement(), null, "channel"), Xml.ATOM, "link");
            assertEquals(server.base() + path, atomLink.getAttribute("href"), "names itself");
            byte[] atom = server.get(path + "atom/").body();
            AtomSchema.validate(atom);
            assertEquals(server.base() + path + "atom/", Xml.rome(atom).getLinks().stream()
                    .filter(link -> "self".equals(link.getRel())).findFirst().orElseThrow().getHref());
        }
        assertTrue(wire(server.get(postFeed).body()) instanceof Channel channel
                && channel.getTitle().contains("خبر الدفاع الجوي رقم 1"), "a post's comments feed is titled after it");
        assertEquals(404, server.get("/2026/01/01/no-such-article/feed/").statusCode());
    }

    @Test
    void aFeedAddressWithNothingBehindItAnswersPlainTextNotJson() {
        for (String path : List.of("/feed/?paged=999", "/category/%D9%84%D8%A7-%D8%B4%D9%8A%D8%A1/feed/",
                "/tag/nothing/rss/", "/?feed=bogus", "/feed/atom/archive/abc/", "/feed/atom/archive/7/",
                "/?cat=9999&feed=rss2", "/2026/01/01/no-such-article/feed/atom/", "/nothing/here/")) {
            HttpResponse<byte[]> response = server.get(path);
            int status = response.statusCode();
            if (status == 301) { // an alias first leads to its canonical address
                response = server.get(response.headers().firstValue("Location").orElseThrow());
                status = response.statusCode();
            }
            assertTrue(status == 400 || status == 404, path + ": " + status);
            assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow(), path);
            String text = TestServer.text(response);
            assertTrue(text.startsWith(status + " "), path + ": " + text);
            assertFalse(text.startsWith("{"), path);
        }
        assertTrue(TestServer.text(server.get("/feed/?paged=999")).contains("this feed has 1 page, not 999"));
        assertTrue(TestServer.text(server.get("/?cat=9999&feed=rss2")).contains("no category had the WordPress id 9999"));
        HttpResponse<byte[]> api = server.get("/api/articles/999999");
        assertEquals(404, api.statusCode());
        assertEquals("application/json; charset=utf-8", api.headers().firstValue("Content-Type").orElseThrow(),
                "the API's errors stay JSON");
    }

    private static WireFeed wire(byte[] body) throws Exception {
        WireFeedInput input = new WireFeedInput();
        input.setXmlHealerOn(false);
        return input.build(new StringReader(new String(body, StandardCharsets.UTF_8)));
    }
}
