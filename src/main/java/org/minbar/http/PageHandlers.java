package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.minbar.model.FeedAddress;
import org.minbar.model.FeedKey;
import org.minbar.model.FeedKind;
import org.minbar.model.SurrogateKeys;
import org.minbar.publish.OpmlDocument;
import org.minbar.service.Health;
import org.minbar.service.PageService;
import org.minbar.service.ServedPage;

/** The reader pages, the OPML list and the health checks. */
final class PageHandlers {

    private final PageService pages;
    private final Health health;
    private final String cacheControl;
    private final String pageCacheControl;

    PageHandlers(PageService pages, Health health, int maxAgeSeconds) {
        this.pages = pages;
        this.health = health;
        this.cacheControl = CacheControl.shared(maxAgeSeconds);
        this.pageCacheControl = CacheControl.page(maxAgeSeconds);
    }

    /** The home page, or page N of it (?paged=N). */
    void home(HttpServerExchange exchange) {
        html(exchange, pages.home(PageNumbers.of(exchange, FeedAddress.PAGED)));
    }

    /** The listing page of a category, an author or a tag: /{kind}/{slug}/, and ?paged=N. */
    HttpHandler listing(FeedKind kind) {
        return exchange -> html(exchange, pages.listing(new FeedKey(kind, Routes.param(exchange, "slug")),
                PageNumbers.of(exchange, FeedAddress.PAGED)));
    }

    /** /feeds/: every feed of the site. */
    void feeds(HttpServerExchange exchange) {
        html(exchange, pages.feeds());
    }

    /**
     * WordPress's /page/N/ after a listing's path (/page/2/, /category/{slug}/page/2/, /search/{q}/page/2/):
     * 301 to the same listing with ?paged=N, the query string kept.
     */
    static HttpHandler pagedRedirect(FeedKind kind) {
        return exchange -> {
            String number = Routes.param(exchange, "n");
            if (!number.matches("[1-9][0-9]{0,8}")) {
                throw new HttpError(404, "no page '" + (number.length() <= 20 ? number : number.substring(0, 20) + "…") + "'");
            }
            FeedKey key = kind == FeedKind.SITE ? FeedKey.site() : new FeedKey(kind, Routes.param(exchange, kind == FeedKind.SEARCH ? "q" : "slug"));
            String query = exchange.getQueryString() == null ? "" : exchange.getQueryString();
            String paged = number.equals("1") ? "" : FeedAddress.PAGED + "=" + number;
            String joined = query.isEmpty() ? paged : paged.isEmpty() ? query : query + "&" + paged;
            Moved.send(exchange, FeedAddress.pagePath(key) + (joined.isEmpty() ? "" : "?" + joined));
        };
    }

    void article(HttpServerExchange exchange) {
        String path = String.join("/", Routes.param(exchange, "year"), Routes.param(exchange, "month"),
                Routes.param(exchange, "day"), Routes.param(exchange, "slug"));
        html(exchange, pages.article(path));
    }

    void opml(HttpServerExchange exchange) {
        CacheControl.share(exchange, cacheControl, SurrogateKeys.anyArticle());
        Responses.send(exchange, 200, OpmlDocument.MEDIA_TYPE + "; charset=utf-8", pages.opml());
    }

    /** Liveness: 200 while the server can serve, else 503; the body names each check. */
    void health(HttpServerExchange exchange) {
        send(exchange, health.liveness());
    }

    /** Readiness: as {@link #health}, and writes can be stored now and the search index is caught up. */
    void ready(HttpServerExchange exchange) {
        send(exchange, health.readiness());
    }

    private static void send(HttpServerExchange exchange, Health.Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ok() ? "ok" : "failing");
        body.put("checks", report.checks());
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        Json.send(exchange, report.ok() ? 200 : 503, body);
    }

    private void html(HttpServerExchange exchange, ServedPage page) {
        CacheControl.share(exchange, pageCacheControl, page.surrogateKeys());
        Responses.send(exchange, 200, "text/html; charset=utf-8", page.html().getBytes(StandardCharsets.UTF_8));
    }
}
