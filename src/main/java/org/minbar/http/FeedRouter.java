package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.util.Optional;
import org.minbar.model.FeedAddress;
import org.minbar.model.FeedKind;

/**
 * Answers every feed address ({@link FeedAddress}): whatever the kind of feed and its format, the
 * address is read in one place, so a new kind or format needs no route. An address written
 * another way that subscribers hold (WordPress's /feed/rss2/, Ghost's /rss/, no trailing slash)
 * is redirected (301) to the canonical one in one step, its query string kept. Anything else goes
 * on to the other routes.
 */
final class FeedRouter implements HttpHandler {

    /** Serves one feed document, its address read. */
    interface Documents {
        void serve(HttpServerExchange exchange, FeedAddress address) throws Exception;
    }

    private final Documents feeds;
    private final Documents searches;
    private final HttpHandler next;

    FeedRouter(Documents feeds, Documents searches, HttpHandler next) {
        this.feeds = feeds;
        this.searches = searches;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Optional<FeedAddress.Reading> reading;
        try {
            reading = FeedAddress.read(exchange.getRequestPath());
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
        if (reading.isEmpty()) {
            next.handleRequest(exchange);
            return;
        }
        if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
            throw new HttpError(405, exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath());
        }
        FeedAddress address = reading.get().address();
        if (!reading.get().canonical() || !exchange.getRequestPath().endsWith("/")) {
            String query = exchange.getQueryString();
            Moved.send(exchange, address.path() + (query == null || query.isEmpty() ? "" : "?" + query));
            return;
        }
        if (address.key().kind() == FeedKind.SEARCH) {
            if (address.isArchive()) {
                throw new HttpError(404, "search results have no archives");
            }
            searches.serve(exchange, address);
        } else {
            feeds.serve(exchange, address);
        }
    }
}
