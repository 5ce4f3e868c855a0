package org.minbar.http;

import org.minbar.publish.CacheLifetimes;

/**
 * The Cache-Control of what every reader may share (feeds, pages): public, so a shared cache
 * (Varnish, nginx, an aggregator's proxy) keeps it; max-age as configured, after which it is
 * revalidated with our validators; and stale-if-error, so such a cache keeps serving a document
 * for a day while Minbar cannot answer (RFC 5861).
 */
final class CacheControl {

    /** How long a shared cache may serve a document while Minbar fails or is unreachable: one day. */
    static final int STALE_IF_ERROR_SECONDS = 86_400;

    private CacheControl() {}

    /** For a document of the feed or page lifetime. */
    static String shared(int maxAgeSeconds) {
        return "public, max-age=" + maxAgeSeconds + ", stale-if-error=" + STALE_IF_ERROR_SECONDS;
    }

    /** For an RFC 5005 archive, whose entries never change. */
    static String archive() {
        return shared(CacheLifetimes.ARCHIVE_SECONDS);
    }
}
