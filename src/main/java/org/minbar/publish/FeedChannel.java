package org.minbar.publish;

import java.time.Instant;
import java.util.List;
import org.minbar.model.FeedKey;
import org.minbar.model.Tombstone;

/**
 * A feed document's own metadata: what it is called, when it last changed, which of its entries
 * were recently deleted, and which page it is of how many (page 1 is the newest).
 */
public record FeedChannel(FeedKey key, String title, String description, String language, Instant updated,
                          List<Tombstone> tombstones, int page, int pages) {
    public FeedChannel {
        tombstones = List.copyOf(tombstones);
    }

    /** A one-page document: search results. */
    public FeedChannel(FeedKey key, String title, String description, String language, Instant updated,
                       List<Tombstone> tombstones) {
        this(key, title, description, language, updated, tombstones, 1, 1);
    }
}
