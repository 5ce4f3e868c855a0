package org.minbar.http;

/** An error the HTTP layer itself detects (bad header, body too large, no token), with its status. */
final class HttpError extends RuntimeException {

    private final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
