package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.minbar.model.FeedAddress;
import org.minbar.model.SurrogateKeys;
import org.minbar.service.SearchService;

/**
 * Search as WordPress names it: the page at /?s={q} and /search/{q}/, its feeds at /search/{q}/feed/
 * (RSS), …/feed/atom/ and …/feed/json/ ({@link FeedRouter}), and /api/search?q= with highlights.
 */
final class SearchHandlers {

    private final SearchService search;
    private final String cacheControl;
    private final String pageCacheControl;

    SearchHandlers(SearchService search, int maxAgeSeconds) {
        this.search = search;
        this.cacheControl = CacheControl.shared(maxAgeSeconds);
        this.pageCacheControl = CacheControl.page(maxAgeSeconds);
    }

    /** A search feed: /search/{q}/feed/ in any format. Searching reads the index, so it runs on a worker thread. */
    void feed(HttpServerExchange exchange, FeedAddress address) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(new ErrorHandler(again -> feed(again, address)));
            return;
        }
        FeedResponses.send(exchange, search.feed(address.key().slug(), address.format()), cacheControl);
    }

    /** /search/{q}/: the results page. */
    void page(HttpServerExchange exchange) {
        html(exchange, search.page(Routes.param(exchange, "q"), PageNumbers.of(exchange, FeedAddress.PAGED)));
    }

    /** /?s=…: the results page (with feed=, {@link WordPressQueries} sends it to the search feed). */
    void wordPressStyle(HttpServerExchange exchange) {
        html(exchange, search.page(query(exchange, "s"), PageNumbers.of(exchange, FeedAddress.PAGED)));
    }

    /** A results page may show any article: shared caches drop it with the site's feed. */
    private void html(HttpServerExchange exchange, String page) {
        CacheControl.share(exchange, pageCacheControl, SurrogateKeys.anyArticle());
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
