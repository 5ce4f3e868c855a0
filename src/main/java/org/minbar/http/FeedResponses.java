package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
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
        headers.put(Headers.CACHE_CONTROL, cacheControl);
        headers.put(Headers.VARY, "Accept-Encoding");
        links(exchange, feed);
        if (Conditional.notModified(exchange.getRequestHeaders(), feed.etag(), feed.lastModified())) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        sendBody(exchange, feed, gzip);
    }

    /** WebSub §4: Link headers naming the hubs and the document's canonical address, so a subscriber needs no parsing. */
    static void links(HttpServerExchange exchange, RenderedFeed feed) {
        for (String hub : feed.hubs()) {
            exchange.getResponseHeaders().add(LINK, "<" + hub + ">; rel=\"hub\"");
        }
        exchange.getResponseHeaders().add(LINK, "<" + feed.self() + ">; rel=\"self\"");
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
