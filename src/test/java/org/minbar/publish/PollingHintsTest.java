package org.minbar.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

// Covers PollingHints: RSS's ttl and the syndication module's period and frequency from a Cache-Control max-age.
class PollingHintsTest {

    @Test
    void theDefaultFiveMinutesIsATtlOfFiveAndTwelveUpdatesAnHour() {
        PollingHints hints = new PollingHints(300);
        assertEquals(5, hints.ttlMinutes());
        assertEquals("hourly", hints.updatePeriod());
        assertEquals(12, hints.updateFrequency());
    }

    @Test
    void theTtlRoundsUpToWholeMinutesSoReadersNeverComeBackBeforeTheCacheExpires() {
        assertEquals(2, new PollingHints(61).ttlMinutes());
        assertEquals(2, new PollingHints(90).ttlMinutes());
        assertEquals(1, new PollingHints(30).ttlMinutes());
    }

    @Test
    void theFrequencyRoundsDownForTheSameReason() {
        assertEquals(8, new PollingHints(420).updateFrequency()); // 3600 / 420 = 8.6
        assertEquals(1, new PollingHints(3_600).updateFrequency());
        assertEquals(60, new PollingHints(3_600).ttlMinutes());
    }

    @Test
    void aMaxAgeOfZeroIsAMinuteOfTtlAndEverySecond() {
        PollingHints hints = new PollingHints(0);
        assertEquals(1, hints.ttlMinutes());
        assertEquals("hourly", hints.updatePeriod());
        assertEquals(3_600, hints.updateFrequency());
    }

    @Test
    void aMaxAgeLongerThanAnHourTakesTheShortestPeriodThatHoldsIt() {
        assertEquals("daily", new PollingHints(7_200).updatePeriod());
        assertEquals(12, new PollingHints(7_200).updateFrequency());
        assertEquals("weekly", new PollingHints(86_401).updatePeriod());
        assertEquals(1, new PollingHints(400_000).updateFrequency());
    }

    @Test
    void anArchiveKeptForAMonthIsUpdatedMonthlyOnce() {
        PollingHints hints = new PollingHints(CacheLifetimes.ARCHIVE_SECONDS);
        assertEquals(43_200, hints.ttlMinutes());
        assertEquals("monthly", hints.updatePeriod());
        assertEquals(1, hints.updateFrequency());
    }

    @Test
    void beyondAYearItIsYearlyOnce() {
        PollingHints hints = new PollingHints(40_000_000);
        assertEquals("yearly", hints.updatePeriod());
        assertEquals(1, hints.updateFrequency());
    }

    @Test
    void aNegativeMaxAgeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PollingHints(-1));
        assertEquals("a max-age is at least 0 seconds, not -1", e.getMessage());
    }
}
