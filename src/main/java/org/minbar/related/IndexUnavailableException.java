package org.minbar.related;

import org.minbar.model.TemporaryFailure;

/** The search index cannot be searched now: it is being opened again after a fault of the disk. */
public final class IndexUnavailableException extends RuntimeException implements TemporaryFailure {

    IndexUnavailableException(Throwable cause) {
        super("the search index is being opened again after a fault of the disk", cause);
    }

    @Override
    public String fault() {
        return getMessage();
    }
}
