package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.minbar.model.FeedFormat;
import org.minbar.service.SearchService;

/**
 * Search as WordPress names it: the page at /?s={q} and /search/{q}/, its feeds at /search/{q}/feed/
 * (RSS), …/feed/atom/ and …/feed/json/ or /?s={q}&feed=rss2 (atom, json), and /api/search?q= with highlights.
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

    void json(HttpServerExchange exchange) {
        FeedResponses.send(exchange, search.feed(Routes.param(exchange, "q"), FeedFormat.JSON), cacheControl);
    }

    /** /search/{q}/: the results page. */
    void page(HttpServerExchange exchange) {
        html(exchange, search.page(Routes.param(exchange, "q")));
    }

    /** /?s=…: the results page, or with feed=rss2 (or rss), atom or json that search feed. */
    void wordPressStyle(HttpServerExchange exchange) {
        String feed = query(exchange, "feed");
        if (feed == null) {
            html(exchange, search.page(query(exchange, "s")));
            return;
        }
        FeedFormat format = switch (feed) {
            case "atom" -> FeedFormat.ATOM;
            case "json" -> FeedFormat.JSON;
            default -> FeedFormat.RSS;
        };
        FeedResponses.send(exchange, search.feed(query(exchange, "s"), format), cacheControl);
    }

    private static void html(HttpServerExchange exchange, String page) {
        Responses.send(exchange, 200, "text/html; charset=utf-8", page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
