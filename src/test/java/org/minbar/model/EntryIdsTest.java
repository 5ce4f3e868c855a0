package org.minbar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntryIdsTest {

    @Test
    void addressesUrnsAndTagUrisOfTheirSchemesFormAreKept() {
        for (String id : List.of("https://news.example.org/?p=123", "http://example.org/2020/02/09/x/",
                "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "urn:isbn:0451450523", "URN:ISBN:0451450523",
                "urn:minbar:bench:abc:1", "tag:example.org,2020:article-1", "tag:editor@example.org,2020-02-09:x#1")) {
            assertTrue(EntryIds.isUsable(id), id);
            assertEquals(id, EntryIds.forNew(id));
            assertEquals(id, EntryIds.shown(id));
        }
    }

    @Test
    void idsThatFeedValidatorsRefuseAreReplaced() {
        for (String id : List.of("urn:x", "urn:a:", "urn:-bad:x", "tag:a", "tag:example.org:x", "tag:example.org,20:x",
                "mailto:desk@example.org", "x:y", "https://", "https:///path", "42", "urn:isbn:04514 50523",
                "https://example.org/خبر", "urn:x:\u202eabc", "")) {
            assertFalse(EntryIds.isUsable(id), id);
            assertTrue(EntryIds.forNew(id).matches("urn:uuid:[0-9a-f-]{36}"), id);
        }
    }

    @Test
    void aStoredIdThatIsNotUsableIsShownAsTheSameUuidUrnEveryTime() {
        String shown = EntryIds.shown("tag:a");
        assertTrue(shown.matches("urn:uuid:[0-9a-f-]{36}"), shown);
        assertEquals(shown, EntryIds.shown("tag:a"));
        assertNotEquals(shown, EntryIds.shown("urn:x"));
        assertTrue(EntryIds.isUsable(shown));
    }
}
