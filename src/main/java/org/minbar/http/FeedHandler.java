package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Function;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.service.FeedService;
import org.minbar.service.RenderedFeed;
import org.minbar.text.HttpDates;

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
        if (exchange.isInIoThread()) {
            Optional<RenderedFeed> cached = feeds.cached(key, format);
            if (cached.isPresent()) {
                send(exchange, cached.get());
            } else {
                exchange.dispatch(new ErrorHandler(this::handleRequest));
            }
            return;
        }
        send(exchange, feeds.feed(key, format));
    }

    private void send(HttpServerExchange exchange, RenderedFeed feed) {
        boolean gzip = AcceptEncoding.gzip(exchange.getRequestHeaders());
        String etag = gzip ? Conditional.gzipTag(feed.etag()) : feed.etag();
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.ETAG, etag);
        headers.put(Headers.LAST_MODIFIED, HttpDates.format(feed.lastModified()));
        headers.put(Headers.CACHE_CONTROL, cacheControl);
        headers.put(Headers.VARY, "Accept-Encoding");
        if (Conditional.notModified(exchange.getRequestHeaders(), feed.etag(), feed.lastModified())) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        byte[] body = gzip ? feed.gzipped() : feed.body();
        headers.put(Headers.CONTENT_TYPE, feed.mediaType() + "; charset=utf-8");
        headers.put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
        if (gzip) {
            headers.put(Headers.CONTENT_ENCODING, "gzip");
        }
        headers.put(Headers.CONTENT_LENGTH, body.length);
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
    }
}
