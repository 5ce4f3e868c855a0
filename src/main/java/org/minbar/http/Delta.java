package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Locale;
import java.util.Optional;
import org.minbar.service.RenderedFeed;
import org.minbar.text.HttpDates;

/**
 * RFC 3229 delta encoding with the "feed" instance manipulation: a client that sends
 * {@code A-IM: feed} and the ETag of the version it holds gets {@code 226 IM Used} and a feed of
 * only the entries changed since, with {@code IM: feed} and the current ETag.
 */
final class Delta {

    static final HttpString A_IM = new HttpString("A-IM");
    static final HttpString IM = new HttpString("IM");

    private Delta() {}

    /** The ETag the client holds, when it asks for a delta (A-IM lists feed and If-None-Match names one tag). */
    static Optional<String> requestedFrom(HttpServerExchange exchange) {
        HeaderMap request = exchange.getRequestHeaders();
        String aIm = request.getFirst(A_IM);
        String ifNoneMatch = request.getFirst(Headers.IF_NONE_MATCH);
        if (aIm == null || ifNoneMatch == null) {
            return Optional.empty();
        }
        boolean feed = false;
        for (String manipulation : aIm.toLowerCase(Locale.ROOT).split(",")) {
            feed |= manipulation.split(";")[0].strip().equals("feed");
        }
        String tag = ifNoneMatch.split(",")[0].strip();
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (!feed || tag.equals("*") || tag.length() < 2) {
            return Optional.empty();
        }
        String gzipSuffix = Conditional.GZIP_SUFFIX + "\"";
        return Optional.of(tag.endsWith(gzipSuffix) ? tag.substring(0, tag.length() - gzipSuffix.length()) + "\"" : tag);
    }

    static void send(HttpServerExchange exchange, RenderedFeed delta, String cacheControl) {
        boolean gzip = AcceptEncoding.gzip(exchange.getRequestHeaders());
        HeaderMap headers = exchange.getResponseHeaders();
        exchange.setStatusCode(226);
        headers.put(IM, "feed");
        headers.put(Headers.ETAG, gzip ? Conditional.gzipTag(delta.etag()) : delta.etag());
        headers.put(Headers.LAST_MODIFIED, HttpDates.format(delta.lastModified()));
        headers.put(Headers.CACHE_CONTROL, cacheControl);
        headers.put(Headers.VARY, "Accept-Encoding, A-IM, If-None-Match");
        FeedResponses.links(exchange, delta);
        FeedResponses.sendBody(exchange, delta, gzip);
    }
}
