package org.minbar.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

// Covers the W3C rules checker itself, so that a feed passing it means something: each rule fires on the document that breaks it, and only then.
class FeedRulesTest {

    private static final String URL = "http://news.example:80/category/%d8%b3%d9%88%d8%b1%d9%8a%d8%a7/feed/";
    private static final String SELF = "http://news.example/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/";

    private static List<String> check(String xml) {
        return FeedRules.check(URL, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String rss(String channel, String item) {
        return "<rss version='2.0' xmlns:atom='http://www.w3.org/2005/Atom' xmlns:sy='http://purl.org/rss/1.0/modules/syndication/'"
                + " xmlns:fh='http://purl.org/syndication/history/1.0'><channel><title>سوريا</title>"
                + "<link>http://news.example/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/</link><description>أخبار</description>"
                + "<language>ar</language>" + channel + "<item><title>خبر</title><link>http://news.example/2024/01/01/x/</link>" + item
                + "</item></channel></rss>";
    }

    private static String atom(String feed, String entries) {
        return "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:fh='http://purl.org/syndication/history/1.0' xml:lang='ar'>"
                + "<id>urn:x</id><title>t</title><updated>2024-01-02T00:00:00Z</updated>" + feed + entries + "</feed>";
    }

    private static String entry(String id, String updated) {
        return "<entry><id>" + id + "</id><title>خبر</title><updated>" + updated + "</updated>"
                + "<link href='http://news.example/" + id.substring(4) + "/'/></entry>";
    }

    @Test
    void aFeedThatNamesWhereItWasFetchedPasses() {
        assertEquals(List.of(), check(rss("<atom:link rel='self' href='" + SELF + "'/><lastBuildDate>Mon, 01 Jan 2024 10:00:00 GMT</lastBuildDate>"
                + "<ttl>30</ttl><sy:updatePeriod>hourly</sy:updatePeriod>",
                "<guid isPermaLink='false'>urn:a</guid><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>"
                        + "<enclosure url='http://news.example/a.mp3' length='0' type='audio/mpeg'/>")),
                "the self link may differ in the case of %XX and a default port");
        assertEquals(List.of(), check(atom("<link rel='self' href='" + SELF + "'/>",
                entry("urn:a", "2024-01-01T00:00:00Z") + entry("urn:b", "2024-01-01T00:00:01Z"))));
    }

    @Test
    void twoAtomEntriesUpdatedInTheSameSecondAreAWarning() {
        assertEquals(List.of("DuplicateUpdated at entry[2]/updated: 2024-01-01T00:00:00Z (entry urn:b)"),
                check(atom("<link rel='self' href='" + SELF + "'/>", entry("urn:a", "2024-01-01T00:00:00Z") + entry("urn:b", "2024-01-01T00:00:00Z"))));
    }

    @Test
    void aSelfLinkNamingAnotherAddressOrNoneIsAWarning() {
        assertEquals(List.of("SelfDoesntMatchLocation at feed/link[@rel='self']: http://news.example/category/%D8%A7/feed/ (fetched " + URL + ")"),
                check(atom("<link rel='self' href='http://news.example/category/%D8%A7/feed/'/>", "")));
        assertEquals(List.of("MissingAtomSelfLink at channel: no atom:link rel=\"self\""), check(rss("", "<guid>http://news.example/a</guid>")));
    }

    @Test
    void anArchiveNeedsALinkToAnotherArchiveAndToTheCurrentDocument() {
        assertEquals(List.of("ArchiveIncomplete at feed: fh:archive without a prev-archive or next-archive link or fh:complete",
                "MissingCurrentInArchive at feed: fh:archive without a current link"),
                check(atom("<fh:archive/><link rel='self' href='" + SELF + "'/>", "")));
        assertEquals(List.of(), check(atom("<fh:archive/><link rel='self' href='" + SELF + "'/><link rel='current' href='http://news.example/feed/'/>"
                + "<link rel='next-archive' href='http://news.example/feed/archive/2/'/>", "")));
    }

    @Test
    void rssItemsAndChannelsBreakingTheRulesAreEachNamed() {
        assertEquals(List.of(
                "InvalidPositiveInteger at channel/ttl: 0",
                "InvalidFullLink at item[1]/link: http://news.example/2024/01/01/خبر/",
                "InvalidRFC2822Date at item[1]/pubDate: الإثنين، 01 يناير 2024",
                "MissingGuid at item[1]: no guid",
                "InvalidFullLink at item[1]/enclosure/@url: /a.mp3",
                "InvalidNonNegativeInteger at item[1]/enclosure/@length: -1",
                "InvalidMIMEAttribute at item[1]/enclosure/@type: mp3",
                "UndefinedElement at item[1]/sy:updatePeriod: sy: elements belong on the channel"),
                check(rss("<atom:link rel='self' href='" + SELF + "'/><ttl>0</ttl>",
                        "<pubDate>الإثنين، 01 يناير 2024</pubDate><enclosure url='/a.mp3' length='-1' type='mp3'/>"
                                + "<sy:updatePeriod>hourly</sy:updatePeriod>").replace("2024/01/01/x/", "2024/01/01/خبر/")),
                "an IRI must be percent-encoded");
        assertEquals(List.of("IncorrectDOW at item[1]/pubDate: Tue, 01 Jan 2024 10:00:00 GMT (MONDAY)"),
                check(rss("<atom:link rel='self' href='" + SELF + "'/>", "<guid isPermaLink='false'>urn:a</guid>"
                        + "<pubDate>Tue, 01 Jan 2024 10:00:00 GMT</pubDate>")));
    }

    @Test
    void rss10ItemsEachHaveTheirOwnRdfAbout() {
        String rdf = "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns='http://purl.org/rss/1.0/'"
                + " xmlns:dc='http://purl.org/dc/elements/1.1/'><channel rdf:about='" + SELF + "'><title>t</title>"
                + "<link>http://news.example/</link><dc:language>ar</dc:language></channel>"
                + "<item rdf:about='http://news.example/a/'><title>a</title><link>http://news.example/a/</link></item>"
                + "<item rdf:about='http://news.example/a/'><title>b</title><link>http://news.example/a/</link></item>"
                + "<item><title>c</title><link>http://news.example/c/</link></item></rdf:RDF>";
        assertEquals(List.of("DuplicateValue at item[2]/@rdf:about: http://news.example/a/", "MissingAttribute at item[3]: no rdf:about"),
                check(rdf));
    }

    @Test
    void aFeedInAnotherLanguageIsNamed() {
        assertEquals(List.of("Language at channel/language: en"),
                check(rss("<atom:link rel='self' href='" + SELF + "'/>", "<guid>http://news.example/a</guid>").replace(">ar<", ">en<")));
    }
}
