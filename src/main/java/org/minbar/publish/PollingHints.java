package org.minbar.publish;

import java.util.List;
import java.util.Locale;
import org.jdom2.Element;

/**
 * How often a reader should come back for a document, said in the document as its Cache-Control
 * max-age says it over HTTP: RSS 2.0's ttl in whole minutes, rounded up, and the syndication
 * module's update period with how many times in it, rounded down, so neither hint asks for the
 * document sooner than caches may keep it. The period is hourly, as WordPress writes it, unless
 * the max-age is longer than an hour, when it is the shortest period that holds it (an archive's
 * month is monthly, once), so that the frequency can still agree.
 */
record PollingHints(int maxAgeSeconds) {

    /** The syndication module's periods, shortest first; a month as 30 days, a year as 365. */
    private enum Period {
        HOURLY(3_600), DAILY(86_400), WEEKLY(604_800), MONTHLY(2_592_000), YEARLY(31_536_000);

        private final int seconds;

        Period(int seconds) {
            this.seconds = seconds;
        }
    }

    PollingHints {
        if (maxAgeSeconds < 0) {
            throw new IllegalArgumentException("a max-age is at least 0 seconds, not " + maxAgeSeconds);
        }
    }

    /** RSS 2.0's ttl: at least a minute, since the element counts whole minutes and 0 is not allowed. */
    int ttlMinutes() {
        return Math.max(1, (maxAgeSeconds + 59) / 60);
    }

    /** sy:updatePeriod: hourly, daily, weekly, monthly or yearly. */
    String updatePeriod() {
        return period().name().toLowerCase(Locale.ROOT);
    }

    /** sy:updateFrequency: how many times in the period, at least once (a max-age of 0 counts as a second). */
    int updateFrequency() {
        return Math.max(1, period().seconds / Math.max(1, maxAgeSeconds));
    }

    /** The sy:updatePeriod and sy:updateFrequency elements, for a channel: inside an item they are errors. */
    List<Element> syndication() {
        return List.of(new Element("updatePeriod", FeedXml.SYNDICATION).setText(updatePeriod()),
                new Element("updateFrequency", FeedXml.SYNDICATION).setText(Integer.toString(updateFrequency())));
    }

    private Period period() {
        for (Period period : Period.values()) {
            if (maxAgeSeconds <= period.seconds) {
                return period;
            }
        }
        return Period.YEARLY;
    }
}
