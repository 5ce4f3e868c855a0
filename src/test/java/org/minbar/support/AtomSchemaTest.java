package org.minbar.support;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

// Covers the Atom checker itself, so a passing feed test means something: it accepts a minimal valid feed and rejects broken ones.
class AtomSchemaTest {

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMinimalValidFeedPasses() {
        AtomSchema.validate(bytes("<feed xmlns='http://www.w3.org/2005/Atom' xml:lang='ar'><id>urn:x</id><title>خلاصة</title>"
                + "<updated>2024-01-01T00:00:00Z</updated><author><name>منبر</name></author>"
                + "<entry><id>urn:y</id><title>خبر</title><updated>2024-01-01T00:00:00Z</updated><content>نص</content></entry></feed>"));
    }

    @Test
    void aFeedWithoutIdOrWithABadDateFails() {
        AssertionError noId = assertThrows(AssertionError.class, () -> AtomSchema.validate(bytes(
                "<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title><updated>2024-01-01T00:00:00Z</updated>"
                        + "<author><name>n</name></author></feed>")));
        assertTrue(noId.getMessage().contains("not valid Atom"), noId.getMessage());
        assertThrows(AssertionError.class, () -> AtomSchema.validate(bytes(
                "<feed xmlns='http://www.w3.org/2005/Atom'><id>urn:x</id><title>t</title><updated>Tue, 02 Jan 2024</updated>"
                        + "<author><name>n</name></author></feed>")));
    }

    @Test
    void anEntryWithoutAuthorInAFeedWithoutOneFails() {
        AssertionError error = assertThrows(AssertionError.class, () -> AtomSchema.validate(bytes(
                "<feed xmlns='http://www.w3.org/2005/Atom'><id>urn:x</id><title>t</title><updated>2024-01-01T00:00:00Z</updated>"
                        + "<entry><id>urn:y</id><title>e</title><updated>2024-01-01T00:00:00Z</updated><content>c</content></entry></feed>")));
        assertTrue(error.getMessage().contains("without an author"));
    }
}
