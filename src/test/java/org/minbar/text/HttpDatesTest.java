package org.minbar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Covers HttpDates: IMF-fixdate output in English whatever the default locale, and parsing of the three HTTP date forms.
class HttpDatesTest {

    private static final Instant JUNE_3_2008 = Instant.parse("2008-06-03T11:05:30Z");

    private Locale saved;

    @BeforeEach
    void useArabicLocale() {
        saved = Locale.getDefault();
        Locale.setDefault(new Locale("ar", "SA"));
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @Test
    void formatsImfFixdateWithEnglishNamesUnderAnArabicLocale() {
        assertEquals("Tue, 03 Jun 2008 11:05:30 GMT", HttpDates.format(JUNE_3_2008));
    }

    @Test
    void formatDropsFractionsOfASecond() {
        assertEquals("Tue, 03 Jun 2008 11:05:30 GMT", HttpDates.format(Instant.parse("2008-06-03T11:05:30.999Z")));
    }

    @Test
    void formatUsesAsciiDigitsAndGmt() {
        assertEquals("Tue, 09 Jan 2024 23:59:59 GMT", HttpDates.format(Instant.parse("2024-01-09T23:59:59Z")));
    }

    @Test
    void parsesImfFixdate() {
        assertEquals(Optional.of(JUNE_3_2008), HttpDates.parse("Tue, 03 Jun 2008 11:05:30 GMT"));
    }

    @Test
    void parsesRfc850Date() {
        assertEquals(Optional.of(JUNE_3_2008), HttpDates.parse("Tuesday, 03-Jun-08 11:05:30 GMT"));
    }

    @Test
    void rfc850YearMoreThanFiftyYearsAheadIsInThePastCentury() {
        // RFC 9110 section 5.6.7: such a year is the most recent past year with the same last two digits.
        assertEquals(Optional.of(Instant.parse("1994-11-06T08:49:37Z")), HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
    }

    @Test
    void parsesAsctimeDate() {
        assertEquals(Optional.of(JUNE_3_2008), HttpDates.parse("Tue Jun  3 11:05:30 2008"));
        assertEquals(Optional.of(Instant.parse("2008-06-13T11:05:30Z")), HttpDates.parse("Fri Jun 13 11:05:30 2008"));
    }

    @Test
    void parseIgnoresSurroundingWhiteSpace() {
        assertEquals(Optional.of(JUNE_3_2008), HttpDates.parse("  Tue, 03 Jun 2008 11:05:30 GMT "));
    }

    @Test
    void parseReadsBackWhatFormatWrites() {
        Instant instant = Instant.parse("2020-01-30T14:10:00Z");
        assertEquals(Optional.of(instant), HttpDates.parse(HttpDates.format(instant)));
    }

    @Test
    void parseRejectsJunkWithEmpty() {
        assertEquals(Optional.empty(), HttpDates.parse("yesterday"));
        assertEquals(Optional.empty(), HttpDates.parse(""));
        assertEquals(Optional.empty(), HttpDates.parse("2008-06-03T11:05:30Z"));
        assertEquals(Optional.empty(), HttpDates.parse("Tue, 32 Jun 2008 11:05:30 GMT"));
        assertEquals(Optional.empty(), HttpDates.parse("\"W/etag\""));
    }
}
