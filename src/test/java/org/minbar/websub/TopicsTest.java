package org.minbar.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;

// Covers Topics.parse: every feed address in every format and spelling, and the addresses that are not topics.
class TopicsTest {

    private final Topics topics = new Topics("https://news.example");

    @Test
    void theSiteFeedsInEachFormat() {
        assertEquals(topic(FeedKey.site(), FeedFormat.RSS), topics.parse("https://news.example/feed/"));
        assertEquals(topic(FeedKey.site(), FeedFormat.ATOM), topics.parse("https://news.example/feed/atom/"));
        assertEquals(topic(FeedKey.site(), FeedFormat.JSON), topics.parse("https://news.example/feed/json/"));
    }

    @Test
    void anArabicSlugAsAnIriPercentEncodedOrWithoutTheTrailingSlash() {
        Optional<Topic> syria = topic(FeedKey.category("سوريا"), FeedFormat.ATOM);
        assertEquals(syria, topics.parse("https://news.example/category/سوريا/feed/atom/"));
        assertEquals(syria, topics.parse("https://news.example/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/atom/"));
        assertEquals(syria, topics.parse("https://news.example/category/%d8%b3%d9%88%d8%b1%d9%8a%d8%a7/feed/atom"));
        assertEquals(syria, topics.parse("HTTPS://NEWS.example:443/category/سوريا/feed/atom"));
    }

    @Test
    void authorAndTagFeeds() {
        assertEquals(topic(FeedKey.author("نور-الدين"), FeedFormat.RSS), topics.parse("https://news.example/author/نور-الدين/feed"));
        assertEquals(topic(FeedKey.tag("إس-400"), FeedFormat.JSON), topics.parse("https://news.example/tag/إس-400/feed/json/"));
    }

    @Test
    void aSiteBelowAPathKeepsItsPrefix() {
        Topics below = new Topics("https://example.org/news");
        assertEquals(topic(FeedKey.site(), FeedFormat.RSS), below.parse("https://example.org/news/feed/"));
        assertEquals(Optional.empty(), below.parse("https://example.org/feed/"));
    }

    @Test
    void addressesThatAreNotTopics() {
        for (String address : List.of("https://other.example/feed/", "http://news.example/feed/", "https://news.example:8443/feed/",
                "https://news.example/feed/?paged=2", "https://news.example/feed/#top", "https://news.example/search/إدلب/feed/",
                "https://news.example/category/سوريا/", "https://news.example/", "https://news.example/feed/rss2/",
                "https://news.example/category/feed/", "https://news.example//feed/", "https://news.example/page/feed/",
                "https://news.example/feed/archive/1/", "https://news.example/category/سوريا/feed/atom/archive/2/",
                "feed/", "not a url", "")) {
            assertEquals(Optional.empty(), topics.parse(address), address);
        }
    }

    private static Optional<Topic> topic(FeedKey key, FeedFormat format) {
        return Optional.of(new Topic(key, format));
    }
}
