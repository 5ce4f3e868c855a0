package org.minbar.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A WebSub subscription holding a lease on a topic: the subscriber's callback host (never its
 * full callback, which may carry a secret), when the lease runs out, the last delivery to it, and
 * the error of a delivery still being retried.
 */
public record WebSubLease(String topic, String callbackHost, Instant expires, Optional<Instant> lastDelivery,
                          Optional<String> retrying) {}
