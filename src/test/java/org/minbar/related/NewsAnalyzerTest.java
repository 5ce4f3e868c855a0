package org.minbar.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

// Covers the analysis: Arabic spelling variants meet, and the broken-plural list (measured) relates what light stemming cannot.
class NewsAnalyzerTest {

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    @Test
    void spellingVariantsComeToTheSameTerms() throws IOException {
        Analyzer analyzer = new NewsAnalyzer(true);
        assertEquals(terms(analyzer, "إدلب"), terms(analyzer, "ادلب"));
        assertEquals(terms(analyzer, "سُورِيَا"), terms(analyzer, "سوريا"));
        assertEquals(terms(analyzer, "الجيــش"), terms(analyzer, "جيش"));
        assertEquals(terms(analyzer, "للجيش"), terms(analyzer, "جيش"));
        assertEquals(terms(analyzer, "٤٠"), terms(analyzer, "40"));
        assertEquals(List.of("s", "400"), terms(analyzer, "S-400"));
    }

    @Test
    void aBareOneLetterPrefixComesOffOnlyWhenTheRestIsAWordAndTheWholeIsNot() throws IOException {
        NewsAnalyzer analyzer = new NewsAnalyzer(true);
        assertEquals(terms(analyzer, "قذيفة"), terms(analyzer, "لقذائف"));
        assertEquals(terms(analyzer, "قذيفة"), terms(analyzer, "القذائف"));
        assertEquals(terms(analyzer, "قذيفة"), terms(analyzer, "بقذيفة"));
        assertEquals(terms(analyzer, "قذيفة"), terms(analyzer, "فقذائفهم"));
        assertEquals(terms(analyzer, "صاروخ"), terms(analyzer, "بصاروخ"));
        assertEquals(terms(analyzer, "قاعدة"), terms(analyzer, "كقاعدة"));
        assertEquals(terms(analyzer, "مخيم"), terms(analyzer, "لمخيم"));
        assertEquals(terms(analyzer, "طاقم"), terms(analyzer, "لطواقم"));
        assertEquals(terms(analyzer, "رتل"), terms(analyzer, "الأرتال"));
        for (String word : List.of("لجنة", "بنك", "فريق", "لبنان", "كتاب", "بغداد", "فلسطين", "بريد")) {
            assertNotEquals(terms(analyzer, word.substring(1)), terms(analyzer, word), word + " keeps its first letter");
        }
    }

    @Test
    void aConjunctionOrPrepositionGluedToAPluralAWordOrANumberIsReadAsOne() throws IOException {
        NewsAnalyzer analyzer = new NewsAnalyzer(true);
        assertEquals(terms(analyzer, "قرية"), terms(analyzer, "بقريه"), "ب before قرية written with ه, not بقر before a suffix");
        assertEquals(terms(analyzer, "لغم"), terms(analyzer, "وألغام"), "و before ألغام, not وال before غام");
        assertEquals(terms(analyzer, "لغم"), terms(analyzer, "بألغام"));
        assertEquals(terms(analyzer, "وديعة"), terms(analyzer, "الودائع"));
        for (String word : List.of("وزير", "وديعة", "وقف", "وضع")) {
            assertNotEquals(terms(analyzer, word.substring(1)), terms(analyzer, word), word + " keeps its و");
        }
        assertEquals(terms(analyzer, "قال"), terms(analyzer, "وقال"), "a و before a known word that is not one with it comes off");
        assertEquals(List.of("40"), terms(analyzer, "و40"));
        assertEquals(List.of("45"), terms(analyzer, "بـ٤٥"));
        assertEquals(List.of("22"), terms(analyzer, "الـ٢٢"));
        assertEquals(terms(analyzer, "2.8"), terms(analyzer, "٢٫٨"), "the Arabic decimal separator is a decimal point");
    }

    @Test
    void homographsOfAPluralStayApart() throws IOException {
        NewsAnalyzer analyzer = new NewsAnalyzer(true);
        assertEquals(terms(analyzer, "أسير"), terms(analyzer, "الأسرى"));
        assertEquals(terms(analyzer, "أسير"), terms(analyzer, "أسرى"));
        assertNotEquals(terms(analyzer, "الأسرى"), terms(analyzer, "أسرة"), "prisoners are not a family");
        assertNotEquals(terms(analyzer, "الأسرى"), terms(analyzer, "الأسر"), "nor families");
        assertNotEquals(terms(analyzer, "الأسرى"), terms(analyzer, "أسرهم"));
        assertNotEquals(terms(analyzer, "مدني"), terms(analyzer, "مدينة"), "civilians are not a city");
        assertEquals(terms(analyzer, "مدينة"), terms(analyzer, "المدن"));
    }

    @Test
    void brokenPluralsMeetTheirSingularsOnlyWithTheList() throws IOException {
        Analyzer with = new NewsAnalyzer(true);
        Analyzer without = new NewsAnalyzer(false);
        assertEquals(terms(with, "صاروخ"), terms(with, "الصواريخ"));
        assertEquals(terms(with, "سلاح"), terms(with, "الأسلحة"));
        assertNotEquals(terms(without, "صاروخ"), terms(without, "الصواريخ"));
        int unifiedWith = 0;
        int unifiedWithout = 0;
        int pairs = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                NewsAnalyzer.class.getResourceAsStream("/related/broken-plurals.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] pair = line.split("\t");
                pairs++;
                unifiedWith += terms(with, "ال" + pair[0]).equals(terms(with, pair[1])) ? 1 : 0;
                unifiedWithout += terms(without, "ال" + pair[0]).equals(terms(without, pair[1])) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "broken plurals: a search for the plural (with ال) finds the singular for %d of %d pairs;"
                + " light stemming alone, %d%n", unifiedWith, pairs, unifiedWithout);
        assertTrue(unifiedWith >= pairs * 9 / 10, unifiedWith + " of " + pairs);
    }
}
