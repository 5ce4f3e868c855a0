package org.minbar.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** HTTP dates (RFC 9110 section 5.6.7): always English names and GMT, whatever the JVM's locale. */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final List<DateTimeFormatter> ACCEPTED = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            rfc850(),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC));

    private HttpDates() {}

    /** RFC 850's two-digit year: one that would be more than 50 years ahead is in the past century. */
    private static DateTimeFormatter rfc850() {
        return new DateTimeFormatterBuilder()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).minusYears(49))
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);
    }

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The instant, or empty when the value is not an HTTP date (such a header is ignored). */
    public static Optional<Instant> parse(String value) {
        for (DateTimeFormatter format : ACCEPTED) {
            try {
                return Optional.of(ZonedDateTime.parse(value.strip(), format).toInstant());
            } catch (DateTimeParseException e) {
                // try the next of the three forms HTTP allows
            }
        }
        return Optional.empty();
    }
}
