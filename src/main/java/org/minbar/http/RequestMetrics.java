package org.minbar.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.PathTemplateMatch;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Times every request, from its first byte read to its last sent, as the histogram
 * http_server_requests_seconds by method, route and status, in 13 buckets from 1 ms to 10 s. The route is the template that
 * matched (/api/articles/{id}), or the kind and format of a feed, never the raw path, so the
 * number of series stays bounded whatever clients ask for.
 */
final class RequestMetrics implements HttpHandler {

    /** The route a request was served by, when the routing table's template does not name it (feeds). */
    static final AttachmentKey<String> ROUTE = AttachmentKey.create(String.class);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

    /** Histogram buckets: a cached feed takes well under a millisecond, a cold render tens, a publish up to hundreds. */
    private static final Duration[] BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final HttpHandler next;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry, HttpHandler next) {
        this.registry = registry;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long started = System.nanoTime();
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            try {
                timer(new Series(method(done), route(done), done.getStatusCode()))
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }

    /** One timer's labels: served feeds run at tens of thousands a second, so each is looked up, not built. */
    private record Series(String method, String route, int status) {}

    private Timer timer(Series series) {
        Timer timer = timers.get(series);
        if (timer == null) {
            timer = timers.computeIfAbsent(series, key -> Timer.builder("http.server.requests")
                    .description("Requests by method, route and status, from the first byte read to the last sent")
                    .tag("method", key.method()).tag("route", key.route()).tag("status", Integer.toString(key.status()))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
        return timer;
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
