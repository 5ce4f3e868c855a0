package org.minbar.service;

/** The thing asked for existed and was deleted. */
public final class GoneException extends RuntimeException {
    public GoneException(String message) {
        super(message);
    }
}
