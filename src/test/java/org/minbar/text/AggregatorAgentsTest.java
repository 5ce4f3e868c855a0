package org.minbar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.minbar.text.AggregatorAgents.Report;

class AggregatorAgentsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1234 subscribers; feed-id=2d5c71ad-8c2f-4f5e-bd3a-3b0a4b8f0e41) | Feedly | 2d5c71ad-8c2f-4f5e-bd3a-3b0a4b8f0e41 | 1234
            Feedly/1.0 (+https://feedly.com/poller.html; 16 subscribers; )                                                   | Feedly | '' | 16
            Mozilla/5.0 (compatible; inoreader.com; 56 subscribers)                                                         | Inoreader | '' | 56
            NewsBlur Feed Fetcher - 42 subscribers - https://www.newsblur.com/site/6091312/minbar (Mozilla/5.0 (Macintosh))  | NewsBlur | 6091312 | 42
            Feedbin feed-id:1234 - 42 subscribers                                                                            | Feedbin | 1234 | 42
            Mozilla/5.0 (compatible; theoldreader.com; 12 subscribers; feed-id=5a1b2c3d4e)                                  | The Old Reader | 5a1b2c3d4e | 12
            Feedfetcher-Google; (+http://www.google.com/feedfetcher.html; 4 subscribers; feed-id=17714851271357355051)      | Google Feedfetcher | 17714851271357355051 | 4
            Netvibes (crawler/1.0; https://www.netvibes.com/; 4 subscribers; feedID: 12345)                                 | Netvibes | 12345 | 4
            BazQux/2.4 (+https://bazqux.com/fetcher; 3 subscribers)                                                          | BazQux | '' | 3
            Bloglovin/1.0 (rss crawler; 1 subscriber)                                                                        | Bloglovin | '' | 1
            NewsGatorOnline/2.0 (http://www.newsgator.com; 1,097 subscribers)                                                | NewsGator | '' | 1097
            SomeReader/3.1 (http://somereader.example; 7 readers)                                                            | SomeReader | '' | 7
            Mozilla/5.0 (compatible; Lector/2.0; 9 subscribers; feed-id=abc)                                                | Lector | abc | 9
            """)
    void readsTheCountAnAggregatorReportsInItsUserAgent(String agent, String aggregator, String feedId, long subscribers) {
        assertEquals(Optional.of(new Report(aggregator, feedId, subscribers)), AggregatorAgents.read(agent));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
        "Tiny Tiny RSS/22.08 (Unsupported) (https://tt-rss.org/)",
        "Mozilla/5.0 (compatible; Miniflux/2.0.51; +https://miniflux.app)",
        "Feedly/1.0 (+http://www.feedly.com/fetcher.html; like FeedFetcher-Google)",
        "curl/8.5.0",
        "",
        "Forged/1.0 (999999999999 subscribers)",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:2 subscribers.example)"})
    void anAgentThatReportsNoBelievableCountIsAnOrdinaryPoller(String agent) {
        assertEquals(Optional.empty(), AggregatorAgents.read(agent));
    }

    @org.junit.jupiter.api.Test
    void aForgedNameOrIdIsCutShortAndCleanedOfControls() {
        Report report = AggregatorAgents.read("Bad\u0000\u202eName" + "x".repeat(200) + "/1.0 (5 subscribers; feed-id=" + "y".repeat(500) + ")")
                .orElseThrow();
        assertTrue(report.aggregator().length() <= 64, report.aggregator());
        assertTrue(report.aggregator().startsWith("BadNamex"), report.aggregator());
        assertEquals(128, report.feedId().length());
        assertEquals(5, report.subscribers());
    }

    @org.junit.jupiter.api.Test
    void noAgentIsNoReport() {
        assertEquals(Optional.empty(), AggregatorAgents.read(null));
    }
}
