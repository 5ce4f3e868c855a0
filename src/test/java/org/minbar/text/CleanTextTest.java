package org.minbar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

// Covers CleanText: removal of characters XML 1.0 forbids, NFC normalization, and line() white-space collapsing.
class CleanTextTest {

    @Test
    void removesC0ControlCharactersThatXmlForbids() {
        assertEquals("abcdef", CleanText.of("a\u0000b\u0001\u0008c\u000Bd\u000Ce\u001Ff"));
    }

    @Test
    void removesNonCharactersFffeAndFfff() {
        assertEquals("ab", CleanText.of("a\uFFFEb\uFFFF"));
    }

    @Test
    void removesUnpairedHighAndLowSurrogates() {
        assertEquals("abc", CleanText.of("a\uD800b\uDC00c"));
        assertEquals("end", CleanText.of("end\uD83D"));
        assertEquals("x", CleanText.of("\uDE00x"));
    }

    @Test
    void keepsTabNewlineAndCarriageReturn() {
        assertEquals("a\tb\nc\rd", CleanText.of("a\tb\nc\rd"));
    }

    @Test
    void keepsEmojiMadeOfPairedSurrogates() {
        assertEquals("خبر 😀 عاجل", CleanText.of("خبر 😀 عاجل"));
        assertEquals("\uD83D\uDE00", CleanText.of("\uD83D\uDE00"));
    }

    @Test
    void keepsArabicWithTashkeelAndBidiMarks() {
        String arabic = "\u200Fسُورِيَا — إدلب ٤٠";
        assertEquals(arabic, CleanText.of(arabic));
    }

    @Test
    void normalizesToNfc() {
        assertEquals("é", CleanText.of("e\u0301"));
        assertEquals("\u00E9", CleanText.of("e\u0301"));
        // Arabic alef + combining hamza above composes to U+0623.
        assertEquals("\u0623", CleanText.of("\u0627\u0654"));
    }

    @Test
    void lineCollapsesRunsOfWhiteSpaceAndStripsTheEnds() {
        assertEquals("a b c d", CleanText.line("  a \t\n b\u00A0c\u2028\u2029d  "));
    }

    @Test
    void lineAlsoRemovesForbiddenCharacters() {
        assertEquals("عنوان الخبر", CleanText.line("\u0000عنوان\r\n\u0007الخبر\uFFFE"));
    }
}
