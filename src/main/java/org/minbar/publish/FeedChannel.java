package org.minbar.publish;

import java.time.Instant;
import java.util.List;
import org.minbar.model.FeedKey;
import org.minbar.model.Tombstone;

/**
 * A feed document's own metadata: what it is called, when it last changed, which of its entries
 * were recently deleted, which page it is of how many (page 1 is the newest), and for RFC 5005
 * archives, which archive it is (0 for the current document and its pages) of how many.
 */
public record FeedChannel(FeedKey key, String title, String description, String language, Instant updated,
                          List<Tombstone> tombstones, int page, int pages, int archive, int archives) {
    public FeedChannel {
        tombstones = List.copyOf(tombstones);
        if (archive < 0 || archive > archives) {
            throw new IllegalArgumentException("archive " + archive + " of " + archives);
        }
    }

    /** A one-page document: search results. */
    public FeedChannel(FeedKey key, String title, String description, String language, Instant updated,
                       List<Tombstone> tombstones) {
        this(key, title, description, language, updated, tombstones, 1, 1, 0, 0);
    }

    /** Whether this is an archive document, whose set of entries never changes. */
    public boolean isArchive() {
        return archive > 0;
    }

    /** Whether this document is a WebSub topic, and so names its hubs: a feed's first page, not a later page or an archive. */
    public boolean isTopic() {
        return !isArchive() && page == 1;
    }
}
