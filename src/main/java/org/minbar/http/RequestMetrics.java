package org.minbar.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.PathTemplateMatch;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Times every request, from its first byte read to its last sent, as the histogram
 * http_server_requests_seconds by method, route and status. The route is the template that
 * matched (/api/articles/{id}), or the kind and format of a feed, never the raw path, so the
 * number of series stays bounded whatever clients ask for.
 */
final class RequestMetrics implements HttpHandler {

    /** The route a request was served by, when the routing table's template does not name it (feeds). */
    static final AttachmentKey<String> ROUTE = AttachmentKey.create(String.class);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

    private final MeterRegistry registry;
    private final HttpHandler next;

    RequestMetrics(MeterRegistry registry, HttpHandler next) {
        this.registry = registry;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long started = System.nanoTime();
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            try {
                Timer.builder("http.server.requests")
                        .description("Requests by method, route and status, from the first byte read to the last sent")
                        .tag("method", method(done)).tag("route", route(done)).tag("status", Integer.toString(done.getStatusCode()))
                        .publishPercentileHistogram()
                        .register(registry)
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }

    private static String method(HttpServerExchange exchange) {
        String method = exchange.getRequestMethod().toString().toUpperCase(Locale.ROOT);
        return METHODS.contains(method) ? method : "OTHER";
    }

    private static String route(HttpServerExchange exchange) {
        String route = exchange.getAttachment(ROUTE);
        if (route != null) {
            return route;
        }
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        return match != null ? match.getMatchedTemplate() : "unmatched";
    }
}
