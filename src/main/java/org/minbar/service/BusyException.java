package org.minbar.service;

/** The server cannot take this request now (a queue is full); the client should try again later. */
public final class BusyException extends RuntimeException {
    public BusyException(String message) {
        super(message);
    }
}
