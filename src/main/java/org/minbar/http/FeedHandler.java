package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import java.util.Optional;
import org.minbar.model.FeedAddress;
import org.minbar.model.FeedKey;
import org.minbar.service.FeedService;
import org.minbar.service.RenderedFeed;

/**
 * Serves one feed document with its validators: a page of a feed (?paged=N, with RFC 3229 deltas
 * on the first), or an RFC 5005 archive. A cached document is served straight from the I/O thread;
 * rendering (which reads the database) is dispatched to a worker thread first. An archive's set
 * of entries never changes once it exists, so caches may keep it for a month; an edit or deletion
 * of one of its articles still changes its ETag, for clients that revalidate.
 */
final class FeedHandler implements FeedRouter.Documents {

    private static final String ARCHIVE_CACHE_CONTROL = CacheControl.archive();

    private final FeedService feeds;
    private final String cacheControl;

    FeedHandler(FeedService feeds, int maxAgeSeconds) {
        this.feeds = feeds;
        this.cacheControl = CacheControl.shared(maxAgeSeconds);
    }

    @Override
    public void serve(HttpServerExchange exchange, FeedAddress address) {
        FeedKey key = address.key();
        if (address.isArchive()) {
            FeedResponses.serve(exchange, again -> serve(again, address),
                    () -> feeds.cachedArchive(key, address.format(), address.archive()),
                    () -> feeds.archive(key, address.format(), address.archive()), ARCHIVE_CACHE_CONTROL);
            return;
        }
        int page = PageNumbers.of(exchange, FeedAddress.PAGED);
        Optional<String> deltaFrom = page == 1 ? Delta.requestedFrom(exchange) : Optional.empty();
        if (deltaFrom.isPresent()) {
            if (exchange.isInIoThread()) {
                exchange.dispatch(new ErrorHandler(again -> serve(again, address)));
                return;
            }
            Optional<RenderedFeed> delta = feeds.delta(key, address.format(), deltaFrom.get());
            if (delta.isPresent()) {
                Delta.send(exchange, delta.get(), cacheControl);
                return;
            }
        }
        FeedResponses.serve(exchange, again -> serve(again, address), () -> feeds.cached(key, address.format(), page),
                () -> feeds.feed(key, address.format(), page), cacheControl);
    }
}
