package org.minbar.service;

import org.minbar.model.FeedAddress;

/**
 * The archive after a feed's newest: every archive names its successor (RFC 5005's next-archive)
 * from the day it is made, so that its bytes never change when the successor comes; until then
 * that successor's entries are in the feed's current document, where its address leads (302).
 */
public final class NotArchivedYetException extends RuntimeException {

    private final FeedAddress current;

    public NotArchivedYetException(FeedAddress current, int archive) {
        super("archive " + archive + " is not made yet: its entries are in the feed's current document");
        this.current = current;
    }

    /** The feed's current document, in the same format. */
    public FeedAddress current() {
        return current;
    }
}
