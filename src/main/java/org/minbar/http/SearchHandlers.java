package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.minbar.model.FeedFormat;
import org.minbar.service.SearchService;

/**
 * Search as WordPress names it: /search/{q}/feed/ (RSS) and /search/{q}/feed/atom/, /?s={q}&feed=rss2
 * (or atom), and /api/search?q= with highlights.
 */
final class SearchHandlers {

    private final SearchService search;
    private final String cacheControl;

    SearchHandlers(SearchService search, int maxAgeSeconds) {
        this.search = search;
        this.cacheControl = "public, max-age=" + maxAgeSeconds;
    }

    void rss(HttpServerExchange exchange) {
        FeedResponses.send(exchange, search.feed(Routes.param(exchange, "q"), FeedFormat.RSS), cacheControl);
    }

    void atom(HttpServerExchange exchange) {
        FeedResponses.send(exchange, search.feed(Routes.param(exchange, "q"), FeedFormat.ATOM), cacheControl);
    }

    /** /?s=…&feed=rss2|atom: the search feed in that format (RSS unless atom is asked for). */
    void wordPressStyle(HttpServerExchange exchange) {
        String feed = query(exchange, "feed");
        FeedFormat format = "atom".equals(feed) ? FeedFormat.ATOM : FeedFormat.RSS;
        FeedResponses.send(exchange, search.feed(query(exchange, "s"), format), cacheControl);
    }

    void api(HttpServerExchange exchange) {
        String q = query(exchange, "q");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", q);
        body.put("results", search.results(q));
        Json.send(exchange, 200, body);
    }

    static boolean isSearch(HttpServerExchange exchange) {
        return exchange.getQueryParameters().containsKey("s");
    }

    private static String query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
