package org.minbar.model;

import java.time.Instant;

/** A recently deleted article as feeds announce it: the id it had in feeds, and when it went. */
public record Tombstone(String feedId, Instant deleted) {

    public Tombstone {
        feedId = EntryIds.shown(feedId);
    }
}
