package org.minbar.text;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How dates are written for readers: which digits, which names of the Gregorian months, and in
 * which time zone a moment falls on its day.
 */
public record DateStyle(Digits digits, Months months, ZoneId zone) {

    /** Arabic-Indic digits (٩ فبراير ٢٠٢٠), or the Western ones (9 فبراير 2020). */
    public enum Digits { ARABIC_INDIC, LATIN }

    /** The Gregorian month names of Egypt and the Gulf (يناير فبراير …) or of the Levant and Iraq (كانون الثاني شباط …). */
    public enum Months { EGYPTIAN, LEVANTINE }

    /** Arabic-Indic digits, Egyptian month names, UTC. */
    public static final DateStyle DEFAULT = new DateStyle(Digits.ARABIC_INDIC, Months.EGYPTIAN, ZoneId.of("UTC"));

    public DateStyle {
        Objects.requireNonNull(digits, "digits");
        Objects.requireNonNull(months, "months");
        Objects.requireNonNull(zone, "zone");
    }
}
