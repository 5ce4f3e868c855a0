package org.minbar.publish;

import java.time.Instant;
import java.util.List;
import org.minbar.model.FeedKey;
import org.minbar.model.Tombstone;

/** A feed's own metadata: what it is called, when it last changed, and which of its entries were recently deleted. */
public record FeedChannel(FeedKey key, String title, String description, String language, Instant updated,
                          List<Tombstone> tombstones) {
    public FeedChannel {
        tombstones = List.copyOf(tombstones);
    }
}
