package org.minbar.service;

/** The request body is in a format we do not read; the message lists those we do. */
public final class UnsupportedFormatException extends RuntimeException {
    public UnsupportedFormatException(String message) {
        super(message);
    }
}
