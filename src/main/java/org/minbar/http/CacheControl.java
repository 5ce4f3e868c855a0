package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.List;
import org.minbar.model.SurrogateKeys;
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
    static final HttpString SURROGATE_KEYS = new HttpString(SurrogateKeys.HEADER);

    private CacheControl() {}

    /** For a document of the feed or page lifetime. */
    static String shared(int maxAgeSeconds) {
        return "public, max-age=" + maxAgeSeconds + ", stale-if-error=" + STALE_IF_ERROR_SECONDS;
    }

    /**
     * For a reader page, which has no validators: a browser asks again at every visit, so a reader
     * sees a new article at once, while a shared cache keeps it for the page lifetime (s-maxage,
     * which Varnish honours over max-age), purged by surrogate key when it changes.
     */
    static String page(int maxAgeSeconds) {
        return "public, max-age=0, s-maxage=" + maxAgeSeconds + ", stale-if-error=" + STALE_IF_ERROR_SECONDS;
    }

    /** Lets shared caches keep this answer as {@code cacheControl} says, filed under these surrogate keys. */
    static void share(HttpServerExchange exchange, String cacheControl, List<String> surrogateKeys) {
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, cacheControl);
        exchange.getResponseHeaders().put(SURROGATE_KEYS, SurrogateKeys.header(surrogateKeys));
    }

    /** For an RFC 5005 archive, whose entries never change. */
    static String archive() {
        return shared(CacheLifetimes.ARCHIVE_SECONDS);
    }
}
