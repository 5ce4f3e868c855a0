package org.minbar.publish;

import java.time.Duration;

/**
 * How long caches may keep a feed document (its Cache-Control max-age), which the document repeats
 * to readers as polling hints: {@code feedSeconds}, as configured, for a feed and its pages, and a
 * month for an RFC 5005 archive, whose set of entries never changes.
 */
public record CacheLifetimes(int feedSeconds) {

    public static final int ARCHIVE_SECONDS = (int) Duration.ofDays(30).toSeconds();

    public CacheLifetimes {
        if (feedSeconds < 0) {
            throw new IllegalArgumentException("a max-age is at least 0 seconds, not " + feedSeconds);
        }
    }

    /** The max-age of this document, in seconds. */
    int of(FeedChannel channel) {
        return channel.isArchive() ? ARCHIVE_SECONDS : feedSeconds;
    }
}
