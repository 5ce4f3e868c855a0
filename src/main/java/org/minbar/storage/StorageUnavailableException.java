package org.minbar.storage;

import org.minbar.model.TemporaryFailure;

/**
 * The store cannot do its work for a reason outside the request and outside our control (the disk
 * is full, the storage read-only, the database file gone, damaged or locked): nothing of the
 * request was stored, and the same request may succeed once the fault is cleared.
 */
public final class StorageUnavailableException extends StorageException implements TemporaryFailure {

    private final String fault;

    public StorageUnavailableException(String fault, Throwable cause) {
        super("the store cannot be used now: " + fault, cause);
        this.fault = fault;
    }

    /** What is wrong, in a few words (with SQLite's code where there is one). */
    @Override
    public String fault() {
        return fault;
    }
}
