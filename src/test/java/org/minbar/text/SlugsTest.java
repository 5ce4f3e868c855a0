package org.minbar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;

// Covers Slugs.of: Arabic-preserving slugs, the spellings that share a slug, separators, the empty slug and truncation.
class SlugsTest {

    @Test
    void slugKeepsArabicLettersAndJoinsWordsWithHyphens() {
        assertEquals("الدفاع-الجوي", Slugs.of("الدفاع الجوي"));
    }

    @Test
    void namesDifferingOnlyByTashkeelShareASlug() {
        assertEquals("سوريا", Slugs.of("سُورِيَا"));
        assertEquals(Slugs.of("سوريا"), Slugs.of("سُورِيَا"));
    }

    @Test
    void namesDifferingOnlyByTatweelShareASlug() {
        assertEquals("سوريا", Slugs.of("ســوريا"));
    }

    @Test
    void namesDifferingOnlyByTheAlefFormShareASlug() {
        assertEquals("ادلب", Slugs.of("إدلب"));
        assertEquals(Slugs.of("ادلب"), Slugs.of("إدلب"));
        assertEquals(Slugs.of("القران"), Slugs.of("القرآن"));
        assertEquals(Slugs.of("الاسد"), Slugs.of("الأسد"));
    }

    @Test
    void arabicIndicDigitsBecomeAsciiDigits() {
        assertEquals("40", Slugs.of("٤٠"));
        assertEquals("اكثر-من-40-قرية", Slugs.of("أكثر من ٤٠ قرية"));
    }

    @Test
    void runsOfPunctuationAndWhitespaceBecomeOneHyphenAndNoneAtTheEnds() {
        assertEquals("الدفاع-الجوي", Slugs.of("  الدفاع ،  الجوي!! "));
        assertEquals("وزارة-الدفاع-الروسية", Slugs.of("«وزارة»\t—\nالدفاع / الروسية؟"));
    }

    @Test
    void latinIsLowercasedAndHyphensInsideNamesAreKept() {
        assertEquals("patriot-pac-3-missile", Slugs.of("Patriot PAC-3 Missile"));
    }

    @Test
    void presentationFormsAndFullWidthLettersAreNormalizedByNfkc() {
        assertEquals("سوريا", Slugs.of("ﺳﻮﺭﻳﺎ"));
        assertEquals("full-width", Slugs.of("Ｆｕｌｌ　ｗｉｄｔｈ"));
    }

    @Test
    void bidiControlCharactersAreRemovedWithoutSplittingTheWord() {
        assertEquals("سوريا", Slugs.of("\u200Fسوريا\u202B"));
        assertEquals("سوريا-مصر", Slugs.of("\u2067سوريا\u2069 \u200Eمصر"));
    }

    @Test
    void nameWithoutLetterOrDigitGivesEmptySlug() {
        assertEquals("", Slugs.of("!!!"));
        assertEquals("", Slugs.of("  ـــ ، ؟ "));
    }

    @Test
    void longSlugIsCutToEightyCodePointsAtAHyphen() {
        // "سوريا-" is 6 code points: 13 whole words (77 code points) fit, the 14th would be cut mid-word.
        String name = String.join(" ", Collections.nCopies(20, "سوريا"));
        String slug = Slugs.of(name);
        assertEquals(String.join("-", Collections.nCopies(13, "سوريا")), slug);
        assertEquals(77, slug.codePointCount(0, slug.length()));
        assertTrue(slug.codePointCount(0, slug.length()) <= Slugs.MAX_CODE_POINTS);
    }

    @Test
    void wordEndingExactlyAtTheLimitIsKept() {
        // Nine 8-letter words and eight hyphens are exactly 80 code points; the tenth word must go, not the ninth.
        String word = "ابتثجحخد";
        String slug = Slugs.of(String.join(" ", Collections.nCopies(10, word)));
        assertEquals(String.join("-", Collections.nCopies(9, word)), slug);
    }

    @Test
    void longSlugWithoutHyphenIsCutAtEightyCodePoints() {
        String slug = Slugs.of("ب".repeat(100));
        assertEquals("ب".repeat(80), slug);
    }

    @Test
    void slugOfExactlyEightyCodePointsIsKeptWhole() {
        String name = "ب".repeat(40) + " " + "ت".repeat(39);
        assertEquals("ب".repeat(40) + "-" + "ت".repeat(39), Slugs.of(name));
    }

    @Test
    void truncationCountsCodePointsNotUtf16Units() {
        // U+10480 OSMANYA LETTER ALEF is a letter outside the BMP: two UTF-16 units each.
        String letter = "\uD801\uDC80";
        String slug = Slugs.of(letter.repeat(90));
        assertEquals(letter.repeat(80), slug);
    }
}
