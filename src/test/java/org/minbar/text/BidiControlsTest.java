package org.minbar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class BidiControlsTest {

    @Test
    void textWithoutControlsIsReturnedAsItIs() {
        String title = "الجيش الروسي: مقتل 40 جنديًا";
        assertSame(title, BidiControls.balanced(title));
    }

    @Test
    void anOverrideLeftOpenIsClosedAtTheEnd() {
        assertEquals("abc\u202Edef\u202C", BidiControls.balanced("abc\u202Edef"));
        assertEquals("\u202D\u202Axy\u202C\u202C", BidiControls.balanced("\u202D\u202Axy"));
        assertEquals("\u2067نص\u2069", BidiControls.balanced("\u2067نص"));
    }

    @Test
    void closersWithNothingToCloseAreDropped() {
        assertEquals("abc", BidiControls.balanced("\u202Cabc\u2069"));
        assertEquals("\u202Ba\u202Cb", BidiControls.balanced("\u202Ba\u202C\u202Cb"));
    }

    @Test
    void anIsolateClosesTheEmbeddingsOpenedInsideIt() {
        assertEquals("\u2066a\u202Eb\u202C\u2069c", BidiControls.balanced("\u2066a\u202Eb\u2069c"));
        // a PDF cannot close an isolate: it is dropped, and the isolate closed at the end
        assertEquals("\u2068ab\u2069", BidiControls.balanced("\u2068a\u202Cb"));
    }

    @Test
    void balancedTextIsKept() {
        String balanced = "\u202Bعربي \u2066English\u2069\u202C";
        assertEquals(balanced, BidiControls.balanced(balanced));
    }
}
