package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/**
 * Redirects (301) a GET or HEAD for a page or feed address written without its trailing slash,
 * such as /feed or /category/سوريا/feed/atom, to the address with it, as WordPress does. The APIs
 * and the other addresses programs use ({@link ProgramAddresses}), and file-like addresses such as
 * /feeds.opml, are left alone.
 * The Location is always a path on this host, as the request wrote it: {@link PathGuard} has already
 * refused paths that a client could read as another host's address.
 */
final class TrailingSlash implements HttpHandler {

    private final HttpHandler next;

    TrailingSlash(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        boolean read = exchange.getRequestMethod().equals(Methods.GET) || exchange.getRequestMethod().equals(Methods.HEAD);
        boolean file = path.substring(path.lastIndexOf('/') + 1).contains(".");
        if (read && !path.endsWith("/") && !file && !ProgramAddresses.contains(path)) {
            String query = exchange.getQueryString();
            exchange.setStatusCode(301);
            exchange.getResponseHeaders().put(Headers.LOCATION,
                    rawPath(exchange) + "/" + (query == null || query.isEmpty() ? "" : "?" + query));
            exchange.endExchange();
            return;
        }
        next.handleRequest(exchange);
    }

    /** The path as the request line wrote it (still percent-encoded), without the scheme and host of an absolute-form target. */
    static String rawPath(HttpServerExchange exchange) {
        String target = exchange.getRequestURI();
        if (exchange.isHostIncludedInRequestURI()) {
            int slash = target.indexOf('/', target.indexOf("://") + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        return target;
    }
}
