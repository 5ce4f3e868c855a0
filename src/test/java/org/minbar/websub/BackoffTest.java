package org.minbar.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// Covers Backoff.afterFailure: the doubling schedule and giving up after the last attempt.
class BackoffTest {

    @Test
    void thirtySecondsDoublingForEightAttempts() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), 8);
        long[] expected = {30, 60, 120, 240, 480, 960, 1920};
        for (int attempt = 1; attempt <= 7; attempt++) {
            assertEquals(Optional.of(Duration.ofSeconds(expected[attempt - 1])), backoff.afterFailure(attempt), "after attempt " + attempt);
        }
        assertEquals(Optional.empty(), backoff.afterFailure(8), "the eighth failure is the last");
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertEquals(Optional.empty(), new Backoff(Duration.ofSeconds(1), 1).afterFailure(1));
    }
}
