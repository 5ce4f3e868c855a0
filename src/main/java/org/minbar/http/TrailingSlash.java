package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/**
 * Redirects (301) a GET or HEAD for a page or feed address written without its trailing slash,
 * such as /feed or /category/سوريا/feed/atom, to the address with it, as WordPress does. The APIs
 * (/api/, /atompub/), /healthz, the WebSub hub /websub and file-like addresses such as /feeds.opml are left alone.
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
        if (read && !path.endsWith("/") && !file && !path.startsWith("/api/") && !path.startsWith("/atompub/")
                && !path.equals("/healthz") && !path.equals("/websub")) {
            String query = exchange.getQueryString();
            exchange.setStatusCode(301);
            exchange.getResponseHeaders().put(Headers.LOCATION,
                    exchange.getRequestURI() + "/" + (query == null || query.isEmpty() ? "" : "?" + query));
            exchange.endExchange();
            return;
        }
        next.handleRequest(exchange);
    }
}
