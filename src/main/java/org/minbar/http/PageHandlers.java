package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;
import org.minbar.model.FeedKey;
import org.minbar.publish.OpmlDocument;
import org.minbar.service.Health;
import org.minbar.service.PageService;

/** The HTML pages and the health check. */
final class PageHandlers {

    private final PageService pages;
    private final Health health;

    PageHandlers(PageService pages, Health health) {
        this.pages = pages;
        this.health = health;
    }

    void home(HttpServerExchange exchange) {
        html(exchange, pages.home());
    }

    void category(HttpServerExchange exchange) {
        html(exchange, pages.listing(FeedKey.category(Routes.param(exchange, "slug"))));
    }

    void tag(HttpServerExchange exchange) {
        html(exchange, pages.listing(FeedKey.tag(Routes.param(exchange, "slug"))));
    }

    void author(HttpServerExchange exchange) {
        html(exchange, pages.listing(FeedKey.author(Routes.param(exchange, "slug"))));
    }

    void article(HttpServerExchange exchange) {
        String path = String.join("/", Routes.param(exchange, "year"), Routes.param(exchange, "month"),
                Routes.param(exchange, "day"), Routes.param(exchange, "slug"));
        html(exchange, pages.article(path));
    }

    void opml(HttpServerExchange exchange) {
        Responses.send(exchange, 200, OpmlDocument.MEDIA_TYPE + "; charset=utf-8", pages.opml());
    }

    void health(HttpServerExchange exchange) {
        boolean ok = health.databaseReachable();
        Json.send(exchange, ok ? 200 : 503, java.util.Map.of("status", ok ? "ok" : "database unreachable"));
    }

    private static void html(HttpServerExchange exchange, String page) {
        Responses.send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }
}
