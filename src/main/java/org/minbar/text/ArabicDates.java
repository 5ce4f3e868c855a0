package org.minbar.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Optional;

/**
 * Dates as Arabic readers write them: the Gregorian day with the month's Arabic name (٩ فبراير ٢٠٢٠),
 * and the Hijri day of the Umm al-Qura calendar (١٥ جمادى الآخرة ١٤٤١ هـ), in a {@link DateStyle}.
 */
public final class ArabicDates {

    private static final List<String> EGYPTIAN = List.of("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
            "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر");
    private static final List<String> LEVANTINE = List.of("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
            "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول");
    private static final List<String> HIJRI = List.of("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى",
            "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة");

    private final DateStyle style;

    public ArabicDates(DateStyle style) {
        this.style = style;
    }

    /** The Gregorian day of this moment in the style's time zone: «٩ فبراير ٢٠٢٠». */
    public String gregorian(Instant moment) {
        LocalDate day = moment.atZone(style.zone()).toLocalDate();
        List<String> months = style.months() == DateStyle.Months.EGYPTIAN ? EGYPTIAN : LEVANTINE;
        return digits(day.getDayOfMonth()) + " " + months.get(day.getMonthValue() - 1) + " " + digits(day.getYear());
    }

    /**
     * The Hijri day of this moment in the style's time zone: «١٥ جمادى الآخرة ١٤٤١ هـ»; empty outside
     * the years the Umm al-Qura tables cover (1300–1600 AH).
     */
    public Optional<String> hijri(Instant moment) {
        try {
            HijrahDate day = HijrahDate.from(moment.atZone(style.zone()).toLocalDate());
            return Optional.of(digits(day.get(ChronoField.DAY_OF_MONTH)) + " " + HIJRI.get(day.get(ChronoField.MONTH_OF_YEAR) - 1)
                    + " " + digits(day.get(ChronoField.YEAR_OF_ERA)) + " هـ");
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The day of this moment in the style's time zone, as HTML's time element wants it: 2020-02-09. */
    public String isoDay(Instant moment) {
        return moment.atZone(style.zone()).toLocalDate().toString();
    }

    /** A whole number in the style's digits; never through the default locale. */
    public String digits(long number) {
        String latin = Long.toString(number);
        if (style.digits() == DateStyle.Digits.LATIN) {
            return latin;
        }
        StringBuilder shaped = new StringBuilder(latin.length());
        for (char c : latin.toCharArray()) {
            shaped.append(c >= '0' && c <= '9' ? (char) ('٠' + (c - '0')) : c);
        }
        return shaped.toString();
    }
}
