package org.minbar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedAddressTest {

    private static final List<FeedKey> KEYS = List.of(FeedKey.site(), FeedKey.category("دفاع-جوي"), FeedKey.tag("إس-400"),
            FeedKey.author("sara-mansouri"), new FeedKey(FeedKind.SEARCH, "منظومة"));

    @Test
    void everyAddressWrittenIsReadBackAsTheSameFeedDocument() {
        for (FeedKey key : KEYS) {
            for (FeedFormat format : FeedFormat.values()) {
                List<FeedAddress> addresses = format.hasArchives()
                        ? List.of(FeedAddress.of(key, format), FeedAddress.archive(key, format, 3))
                        : List.of(FeedAddress.of(key, format));
                for (FeedAddress address : addresses) {
                    String decoded = URLDecoder.decode(address.path(), StandardCharsets.UTF_8);
                    assertEquals(Optional.of(new FeedAddress.Reading(address, true)), FeedAddress.read(decoded), decoded);
                    String bare = decoded.substring(0, decoded.length() - 1);
                    assertEquals(Optional.of(new FeedAddress.Reading(address, true)), FeedAddress.read(bare), bare);
                }
            }
        }
    }

    @Test
    void wordPressesAddressesAreWrittenTheWayItWritesThem() {
        assertEquals("/feed/", FeedAddress.of(FeedKey.site(), FeedFormat.RSS).path());
        assertEquals("/feed/atom/", FeedAddress.of(FeedKey.site(), FeedFormat.ATOM).path());
        assertEquals("/feed/rss/", FeedAddress.of(FeedKey.site(), FeedFormat.RSS_092).path());
        assertEquals("/feed/rdf/", FeedAddress.of(FeedKey.site(), FeedFormat.RSS_10).path());
        assertEquals("/category/air-defence/feed/atom/archive/2/",
                FeedAddress.archive(FeedKey.category("air-defence"), FeedFormat.ATOM, 2).path());
        assertEquals("/tag/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/feed/", FeedAddress.of(FeedKey.tag("روسيا"), FeedFormat.RSS).path());
    }

    @Test
    void otherSpellingsSubscribersHoldAreReadAsTheirCanonicalAddress() {
        assertAlias("/feed/rss2/", FeedAddress.of(FeedKey.site(), FeedFormat.RSS));
        assertAlias("/category/air-defence/feed/rss2", FeedAddress.of(FeedKey.category("air-defence"), FeedFormat.RSS));
        assertAlias("/feed/rss2/archive/1/", FeedAddress.archive(FeedKey.site(), FeedFormat.RSS, 1));
        assertAlias("/rss/", FeedAddress.of(FeedKey.site(), FeedFormat.RSS)); // Ghost
        assertAlias("/rss", FeedAddress.of(FeedKey.site(), FeedFormat.RSS));
        assertAlias("/tag/روسيا/rss/", FeedAddress.of(FeedKey.tag("روسيا"), FeedFormat.RSS));
        assertAlias("/author/sara-mansouri/rss/", FeedAddress.of(FeedKey.author("sara-mansouri"), FeedFormat.RSS));
    }

    @Test
    void pathsThatAreNotFeedDocumentsAreNotRead() {
        for (String path : List.of("/", "", "feed/", "/category/x/", "/category/x/feed/xml/", "/feed/atom/extra/",
                "/feed/json/archive/1/", "/feed/rss/archive/1/", "/feed/archive/",
                "/feed/archive/1/2/", "/page/x/feed/", "/category//feed/", "//feed/",
                "/2020/02/09/slug/feed/", "/comments/feed/", "/rss/feed/x/", "/tag/x/rss/atom/", "/category/x/y/feed/")) {
            assertEquals(Optional.empty(), FeedAddress.read(path), path);
        }
    }

    @Test
    void anArchiveNumberThatIsNotAWholeNumberFromOneIsAnError() {
        for (String number : List.of("0", "x", "-1", "1.5", "99999999999", "٣")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> FeedAddress.read("/feed/atom/archive/" + number + "/"), number);
            assertTrue(error.getMessage().contains("archive must be a whole number from 1"), error.getMessage());
        }
    }

    @Test
    void onlyRssAndAtomHaveArchives() {
        assertTrue(FeedFormat.RSS.hasArchives());
        assertTrue(FeedFormat.ATOM.hasArchives());
        for (FeedFormat format : List.of(FeedFormat.JSON, FeedFormat.RSS_092, FeedFormat.RSS_10)) {
            assertFalse(format.hasArchives(), format.label());
        }
    }

    private static void assertAlias(String path, FeedAddress canonical) {
        assertEquals(Optional.of(new FeedAddress.Reading(canonical, false)), FeedAddress.read(path), path);
    }
}
