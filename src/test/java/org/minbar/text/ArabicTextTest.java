package org.minbar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

// Covers ArabicText: what forSlug folds (tashkeel, tatweel, alef forms, digits, presentation forms, invisible controls) and what only forMatching folds.
class ArabicTextTest {

    @Test
    void forSlugRemovesTashkeelAndShadda() {
        assertEquals("سوريا", ArabicText.forSlug("سُورِيَا"));
        assertEquals("محمد", ArabicText.forSlug("مُحَمَّدٌ"));
    }

    @Test
    void forSlugRemovesTatweel() {
        assertEquals("سوريا", ArabicText.forSlug("ســوريا"));
    }

    @Test
    void forSlugFoldsHamzaAndMaddaAndWaslaAlefToBareAlef() {
        assertEquals("ا ا ا ا ا", ArabicText.forSlug("أ إ آ ٱ ا"));
        assertEquals("ادلب", ArabicText.forSlug("إدلب"));
    }

    @Test
    void forSlugTurnsArabicIndicAndPersianDigitsIntoAsciiDigits() {
        assertEquals("40 0123456789", ArabicText.forSlug("٤٠ ٠١٢٣٤٥٦٧٨٩"));
        assertEquals("123", ArabicText.forSlug("۱۲۳"));
    }

    @Test
    void forSlugDecomposesPresentationFormsWithNfkc() {
        assertEquals("سوريا", ArabicText.forSlug("ﺳﻮﺭﻳﺎ"));
        assertEquals("لا", ArabicText.forSlug("ﻻ"));
    }

    @Test
    void forSlugDropsBidiControlsZeroWidthCharactersAndSoftHyphens() {
        assertEquals("سوريا", ArabicText.forSlug("\u200Fسو\u200Dريا\u202B\u2067\u061C\uFEFF\u00AD"));
    }

    @Test
    void forSlugLowercasesLatinIndependentlyOfTheDefaultLocale() {
        // With a Turkish default locale, "I".toLowerCase() would give a dotless ı.
        assertEquals("idlib", ArabicText.forSlug("IDLIB"));
    }

    @Test
    void forSlugKeepsTaaMarbutaAlefMaqsuraAndHamzaSeats() {
        assertEquals("مدرسة مستشفى مؤتمر رئيس", ArabicText.forSlug("مدرسة مستشفى مؤتمر رئيس"));
    }

    @Test
    void forMatchingAlsoFoldsTaaMarbutaAlefMaqsuraAndHamzaSeats() {
        assertEquals("مدرسه مستشفي موتمر رييس", ArabicText.forMatching("مدرسة مستشفى مؤتمر رئيس"));
    }

    @Test
    void forMatchingFoldsPersianYehAndKeheh() {
        assertEquals("كي", ArabicText.forMatching("\u06A9\u06CC"));
    }

    @Test
    void forMatchingIncludesEverythingForSlugFolds() {
        assertEquals(ArabicText.forMatching("الإدارة"), ArabicText.forMatching("الادارَه"));
        assertEquals("الاداره", ArabicText.forMatching("الإدارَةُ"));
    }
}
