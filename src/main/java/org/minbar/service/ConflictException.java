package org.minbar.service;

/** The request contradicts what is stored, such as a guid and a URL that name two different articles. */
public final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
