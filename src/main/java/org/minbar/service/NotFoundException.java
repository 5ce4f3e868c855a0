package org.minbar.service;

/** The thing asked for does not exist; the message names it. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
