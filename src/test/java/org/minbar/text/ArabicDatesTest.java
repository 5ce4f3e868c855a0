package org.minbar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArabicDatesTest {

    private static final Instant NINTH_OF_FEBRUARY_2020 = Instant.parse("2020-02-09T10:00:00Z");

    @Test
    void theDefaultWritesArabicIndicDigitsAndEgyptianMonthNames() {
        assertEquals("٩ فبراير ٢٠٢٠", new ArabicDates(DateStyle.DEFAULT).gregorian(NINTH_OF_FEBRUARY_2020));
    }

    @Test
    void latinDigitsAndLevantineMonthNames() {
        ArabicDates dates = new ArabicDates(new DateStyle(DateStyle.Digits.LATIN, DateStyle.Months.LEVANTINE, ZoneId.of("UTC")));
        assertEquals("9 شباط 2020", dates.gregorian(NINTH_OF_FEBRUARY_2020));
        assertEquals("30 كانون الأول 2019", dates.gregorian(Instant.parse("2019-12-30T00:00:00Z")));
        assertEquals("1 تشرين الأول 2024", dates.gregorian(Instant.parse("2024-10-01T00:00:00Z")));
    }

    @Test
    void everyEgyptianMonthHasItsName() {
        ArabicDates dates = new ArabicDates(new DateStyle(DateStyle.Digits.LATIN, DateStyle.Months.EGYPTIAN, ZoneId.of("UTC")));
        StringBuilder names = new StringBuilder();
        for (int month = 1; month <= 12; month++) {
            String day = dates.gregorian(Instant.parse(String.format(java.util.Locale.ROOT, "2021-%02d-15T00:00:00Z", month)));
            names.append(day, 3, day.length() - 5).append('|');
        }
        assertEquals("يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|", names.toString());
    }

    @Test
    void theNinthOfFebruary2020IsThe15thOfJumadaAlAkhira1441() {
        assertEquals(Optional.of("١٥ جمادى الآخرة ١٤٤١ هـ"), new ArabicDates(DateStyle.DEFAULT).hijri(NINTH_OF_FEBRUARY_2020));
        ArabicDates latin = new ArabicDates(new DateStyle(DateStyle.Digits.LATIN, DateStyle.Months.EGYPTIAN, ZoneId.of("UTC")));
        assertEquals(Optional.of("15 جمادى الآخرة 1441 هـ"), latin.hijri(NINTH_OF_FEBRUARY_2020));
        // 1 Ramadan 1445 fell on 11 March 2024 by Umm al-Qura.
        assertEquals(Optional.of("1 رمضان 1445 هـ"), latin.hijri(Instant.parse("2024-03-11T12:00:00Z")));
    }

    @Test
    void theDayIsTheDayInTheConfiguredTimeZone() {
        Instant lateEvening = Instant.parse("2020-02-09T22:30:00Z");
        assertEquals("٩ فبراير ٢٠٢٠", new ArabicDates(DateStyle.DEFAULT).gregorian(lateEvening));
        ArabicDates riyadh = new ArabicDates(new DateStyle(DateStyle.Digits.ARABIC_INDIC, DateStyle.Months.EGYPTIAN, ZoneId.of("Asia/Riyadh")));
        assertEquals("١٠ فبراير ٢٠٢٠", riyadh.gregorian(lateEvening));
        assertEquals("2020-02-10", riyadh.isoDay(lateEvening));
    }

    @Test
    void aDayOutsideTheUmmAlQuraTablesHasNoHijriDate() {
        assertEquals(Optional.empty(), new ArabicDates(DateStyle.DEFAULT).hijri(Instant.parse("1800-01-01T00:00:00Z")));
    }
}
