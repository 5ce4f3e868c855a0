package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.minbar.model.FeedAddress;
import org.minbar.model.FeedKey;
import org.minbar.model.FeedKind;

/**
 * Answers every feed address ({@link FeedAddress}): whatever the kind of feed and its format, the
 * address is read in one place, so a new kind or format needs no route. An address written
 * another way that subscribers hold (WordPress's /feed/rss2/, Ghost's /rss/, no trailing slash,
 * a slug in another spelling) is redirected (301) to the canonical one in one step, its query
 * string kept. Anything else goes on to the other routes.
 */
final class FeedRouter implements HttpHandler {

    /** Serves one feed document, its address read. */
    interface Documents {
        void serve(HttpServerExchange exchange, FeedAddress address) throws Exception;
    }

    private final Documents feeds;
    private final Documents searches;
    private final UnaryOperator<FeedKey> canonical;
    private final HttpHandler next;

    /** @param canonical the key a feed lives under, for any slug that finds it (reads the database) */
    FeedRouter(Documents feeds, Documents searches, UnaryOperator<FeedKey> canonical, HttpHandler next) {
        this.feeds = feeds;
        this.searches = searches;
        this.canonical = canonical;
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
        FeedAddress read = reading.get().address();
        exchange.putAttachment(RequestMetrics.ROUTE, "feed/" + read.key().kind().name().toLowerCase(Locale.ROOT) + "/"
                + read.format().name().toLowerCase(Locale.ROOT) + (read.isArchive() ? "/archive" : ""));
        if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
            throw new HttpError(405, exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath());
        }
        FeedAddress address = reading.get().address();
        if (!reading.get().canonical() || !exchange.getRequestPath().endsWith("/")) {
            if (address.key().slug() != null && exchange.isInIoThread()) {
                exchange.dispatch(new ErrorHandler(this)); // the term's own slug is in the database
                return;
            }
            FeedAddress own = new FeedAddress(canonical.apply(address.key()), address.format(), address.archive());
            String query = exchange.getQueryString();
            Moved.send(exchange, own.path() + (query == null || query.isEmpty() ? "" : "?" + query));
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
