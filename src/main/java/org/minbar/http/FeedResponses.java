package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Supplier;
import org.minbar.service.RenderedFeed;
import org.minbar.text.HttpDates;

/**
 * Sends a rendered feed: validators, caching headers, the self and WebSub hub links, 304 when the
 * client has it, gzip when asked for, HEAD.
 */
final class FeedResponses {

    static final HttpString LINK = new HttpString("Link");

    private FeedResponses() {}

    static void send(HttpServerExchange exchange, RenderedFeed feed, String cacheControl) {
        boolean gzip = AcceptEncoding.gzip(exchange.getRequestHeaders());
        String etag = gzip ? Conditional.gzipTag(feed.etag()) : feed.etag();
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.ETAG, etag);
        headers.put(Headers.LAST_MODIFIED, HttpDates.format(feed.lastModified()));
        CacheControl.share(exchange, cacheControl, feed.surrogateKeys());
        headers.put(Headers.VARY, "Accept-Encoding");
        links(exchange, feed);
        if (Conditional.notModified(exchange.getRequestHeaders(), feed.etag(), feed.lastModified())) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        sendBody(exchange, feed, gzip);
    }

    /**
     * Serves a feed document from the cache on the I/O thread when it is there; otherwise has
     * {@code handler} run again on a worker thread, where {@code render} may read the database.
     */
    static void serve(HttpServerExchange exchange, HttpHandler handler, Supplier<Optional<RenderedFeed>> cached,
                      Supplier<RenderedFeed> render, String cacheControl) {
        if (!exchange.isInIoThread()) {
            send(exchange, render.get(), cacheControl);
            return;
        }
        Optional<RenderedFeed> hit = cached.get();
        if (hit.isPresent()) {
            send(exchange, hit.get(), cacheControl);
        } else {
            exchange.dispatch(new ErrorHandler(handler));
        }
    }

    /** WebSub §4: Link headers naming the hubs and the document's canonical address, so a subscriber needs no parsing. */
    static void links(HttpServerExchange exchange, RenderedFeed feed) {
        feed.linkHeaders().forEach(link -> exchange.getResponseHeaders().add(LINK, link));
    }

    /** Content type, encoding and length, then the body (none for HEAD). */
    static void sendBody(HttpServerExchange exchange, RenderedFeed feed, boolean gzip) {
        HeaderMap headers = exchange.getResponseHeaders();
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
