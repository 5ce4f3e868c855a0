package org.minbar.model;

/**
 * A failure that is neither the client's doing nor a bug: a fault of the machine (a full disk,
 * read-only storage) that may clear by itself. The HTTP layer answers it 503 with Retry-After.
 */
public interface TemporaryFailure {

    /** What is wrong, in a few words. */
    String fault();
}
