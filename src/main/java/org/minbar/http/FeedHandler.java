package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Optional;
import java.util.function.Function;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.service.FeedService;
import org.minbar.service.RenderedFeed;

/**
 * Serves one feed document with its validators. A cached document is served straight from the
 * I/O thread; rendering (which reads the database) is dispatched to a worker thread first.
 */
final class FeedHandler implements HttpHandler {

    private final FeedService feeds;
    private final Function<HttpServerExchange, FeedKey> keyOf;
    private final FeedFormat format;
    private final String cacheControl;

    FeedHandler(FeedService feeds, Function<HttpServerExchange, FeedKey> keyOf, FeedFormat format, int maxAgeSeconds) {
        this.feeds = feeds;
        this.keyOf = keyOf;
        this.format = format;
        this.cacheControl = "public, max-age=" + maxAgeSeconds;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        FeedKey key = keyOf.apply(exchange);
        int page = PageNumbers.of(exchange, "paged");
        Optional<String> deltaFrom = page == 1 ? Delta.requestedFrom(exchange) : Optional.empty();
        if (deltaFrom.isPresent()) {
            if (exchange.isInIoThread()) {
                exchange.dispatch(new ErrorHandler(this::handleRequest));
                return;
            }
            Optional<RenderedFeed> delta = feeds.delta(key, format, deltaFrom.get());
            if (delta.isPresent()) {
                Delta.send(exchange, delta.get(), cacheControl);
                return;
            }
        }
        FeedResponses.serve(exchange, this, () -> feeds.cached(key, format, page), () -> feeds.feed(key, format, page),
                cacheControl);
    }
}
