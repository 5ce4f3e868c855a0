package org.minbar.storage;

/** A database operation failed for a reason the caller cannot fix; the message says which. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
