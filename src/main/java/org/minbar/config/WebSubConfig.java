package org.minbar.config;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The WebSub hub's settings from site.json's "websub" object: the lease a subscription gets when
 * it asks for none and the bounds any lease is clamped into, how many subscriptions the hub holds,
 * whether callbacks on private networks are allowed, how failed deliveries are retried, and the
 * external hubs pinged after every write.
 */
public record WebSubConfig(Duration defaultLease, Duration minLease, Duration maxLease, int maxSubscriptions,
                           boolean allowPrivateCallbacks, Duration retryBase, int maxAttempts, List<String> externalHubs) {

    public static final WebSubConfig DEFAULTS = new WebSubConfig(Duration.ofDays(10), Duration.ofHours(1),
            Duration.ofDays(30), 10_000, false, Duration.ofSeconds(30), 8, List.of());

    public WebSubConfig {
        externalHubs = List.copyOf(externalHubs);
    }

    /** The lease a subscription gets: the one asked for, clamped into [min, max], or the default. */
    public Duration lease(OptionalLong requestedSeconds) {
        if (requestedSeconds.isEmpty()) {
            return defaultLease;
        }
        long seconds = Math.max(minLease.toSeconds(), Math.min(maxLease.toSeconds(), requestedSeconds.getAsLong()));
        return Duration.ofSeconds(seconds);
    }
}
