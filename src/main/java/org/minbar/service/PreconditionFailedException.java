package org.minbar.service;

/** An If-Match named a version of the article that is no longer current: someone else changed it first. */
public final class PreconditionFailedException extends RuntimeException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
