package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.minbar.model.FeedKey;
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

    void author(HttpServerExchange exchange) {
        html(exchange, pages.listing(FeedKey.author(Routes.param(exchange, "slug"))));
    }

    void article(HttpServerExchange exchange) {
        String path = String.join("/", Routes.param(exchange, "year"), Routes.param(exchange, "month"),
                Routes.param(exchange, "day"), Routes.param(exchange, "slug"));
        html(exchange, pages.article(path));
    }

    void health(HttpServerExchange exchange) {
        boolean ok = health.databaseReachable();
        Json.send(exchange, ok ? 200 : 503, java.util.Map.of("status", ok ? "ok" : "database unreachable"));
    }

    private static void html(HttpServerExchange exchange, String page) {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
    }
}
