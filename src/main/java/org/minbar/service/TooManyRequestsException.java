package org.minbar.service;

/** One client or callback host asks for more than its share at once; it may ask again once its earlier requests are done. */
public final class TooManyRequestsException extends RuntimeException {

    public TooManyRequestsException(String message) {
        super(message);
    }
}
