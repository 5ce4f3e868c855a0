package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.ArrayList;
import java.util.List;
import org.minbar.model.FeedKey;
import org.minbar.text.PathSegments;

/**
 * Redirects (301) an address of a category, tag or author under a slug that is no longer its own
 * to the same address under its slug now: the kind's segment is found in the path and the segment
 * after it replaced, so a feed, one of its pages or archives, or the listing page all keep their
 * place; the query string goes along. Other addresses that moved for good ({@link FeedRouter}) are
 * sent on the same way.
 */
final class Moved {

    private Moved() {}

    static void redirect(HttpServerExchange exchange, FeedKey to) {
        String segment = to.kind().pathSegment().orElseThrow();
        String[] decoded = exchange.getRequestPath().split("/", -1);
        List<String> encoded = new ArrayList<>();
        boolean replaced = false;
        for (int i = 0; i < decoded.length; i++) {
            if (!replaced && i > 0 && decoded[i - 1].equals(segment)) {
                encoded.add(PathSegments.encode(to.slug()));
                replaced = true;
            } else {
                encoded.add(PathSegments.encode(decoded[i]));
            }
        }
        String query = exchange.getQueryString();
        send(exchange, String.join("/", encoded) + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /** A 301 to {@code location} (an address of this site, percent-encoded: a path, or absolute), with a one-line plain-text body. */
    static void send(HttpServerExchange exchange, String location) {
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        PlainText.send(exchange, 301, "moved to " + location + "\n");
    }
}
