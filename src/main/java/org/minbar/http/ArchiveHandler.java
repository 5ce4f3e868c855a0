package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.function.Function;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.service.FeedService;

/**
 * Serves an RFC 5005 archive document. Its set of entries never changes once it exists, so
 * caches may keep it for a month; an edit or deletion of one of its articles still changes its
 * ETag, for clients that revalidate.
 */
final class ArchiveHandler implements HttpHandler {

    private static final String CACHE_CONTROL = "public, max-age=" + Duration.ofDays(30).toSeconds();

    private final FeedService feeds;
    private final Function<HttpServerExchange, FeedKey> keyOf;
    private final FeedFormat format;

    ArchiveHandler(FeedService feeds, Function<HttpServerExchange, FeedKey> keyOf, FeedFormat format) {
        this.feeds = feeds;
        this.keyOf = keyOf;
        this.format = format;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        FeedKey key = keyOf.apply(exchange);
        int archive = PageNumbers.of(exchange, "archive");
        FeedResponses.serve(exchange, this, () -> feeds.cachedArchive(key, format, archive),
                () -> feeds.archive(key, format, archive), CACHE_CONTROL);
    }
}
