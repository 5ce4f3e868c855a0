package org.minbar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

// Covers SurrogateKeys: the names a shared cache files each kind of document under, and what a change purges.
class SurrogateKeysTest {

    @Test
    void eachFeedKindHasItsOwnKeyWithItsSlugPercentEncoded() {
        assertEquals("site", SurrogateKeys.of(FeedKey.site()));
        assertEquals("category:%D9%85%D8%B5%D8%B1", SurrogateKeys.of(FeedKey.category("مصر")));
        assertEquals("author:sara-mansouri", SurrogateKeys.of(FeedKey.author("sara-mansouri")));
        assertEquals("tag:%D8%A5%D8%B3-400", SurrogateKeys.of(FeedKey.tag("إس-400")));
    }

    @Test
    void searchFeedsMayShowAnyArticleSoTheyAreFiledUnderTheSite() {
        assertEquals("site", SurrogateKeys.of(new FeedKey(FeedKind.SEARCH, "منظومة")));
        assertEquals(List.of("site"), SurrogateKeys.anyArticle());
    }

    @Test
    void anArchiveIsFiledUnderTheArticlesItHoldsOnly() {
        assertEquals(List.of("article:7", "article:9"), SurrogateKeys.archive(List.of(7L, 9L, 7L)));
    }

    @Test
    void aChangePurgesEveryFeedItTouchedAndItsArticle() {
        Set<String> keys = SurrogateKeys.ofChange(42, List.of(FeedKey.site(), FeedKey.category("sport"),
                FeedKey.author("nour"), FeedKey.tag("cup")));
        assertEquals(List.of("site", "category:sport", "author:nour", "tag:cup", "article:42"), List.copyOf(keys));
        assertEquals("site category:sport author:nour tag:cup article:42", SurrogateKeys.header(keys));
    }

    @Test
    void everyKeyIsPrintableAsciiWithoutSpacesOrCommas() {
        // vmod xkey splits a header's keys on spaces and commas; a header value outside ASCII is not portable.
        for (FeedKey feed : List.of(FeedKey.site(), FeedKey.category("سوريا والعراق"), FeedKey.tag("a,b"),
                FeedKey.author("نور الدين"))) {
            String key = SurrogateKeys.of(feed);
            assertTrue(key.chars().allMatch(c -> c > 32 && c < 127 && c != ','), key);
        }
    }
}
