package org.minbar.websub;

import java.time.Duration;
import java.util.Optional;

/** When to try a failed delivery or ping again: the base delay doubling with each attempt, until the last attempt. */
public record Backoff(Duration base, int maxAttempts) {

    /** The wait after the {@code attempts}-th attempt failed; empty when that was the last one allowed. */
    public Optional<Duration> afterFailure(int attempts) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30)));
    }
}
