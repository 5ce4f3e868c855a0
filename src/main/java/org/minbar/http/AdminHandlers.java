package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minbar.model.SubscriberReport;
import org.minbar.model.SubscriberReport.Day;
import org.minbar.model.SubscriberReport.FeedStatistics;
import org.minbar.model.WebSubLease;
import org.minbar.publish.AdminPages;
import org.minbar.service.SubscriberStatistics;

/**
 * The publisher's pages (/admin/, /admin/feed/?feed={path}) and /api/stats: never public. A browser
 * logs in once with the token ({@link AdminSession}); a program sends "Authorization: Bearer".
 * Without either, a page answers 401 with the login form and /api/stats 401 in JSON.
 */
final class AdminHandlers {

    /** The largest login form accepted. */
    static final int MAX_LOGIN_BYTES = 4_096;
    private static final HttpString CSP = new HttpString("Content-Security-Policy");
    private static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");

    private final SubscriberStatistics statistics;
    private final AdminPages pages;
    private final AdminSession session;
    private final AuthFailures failures;
    private final String token;
    private final byte[] tokenDigest;

    AdminHandlers(SubscriberStatistics statistics, AdminPages pages, AdminSession session, AuthFailures failures, String token) {
        this.statistics = statistics;
        this.pages = pages;
        this.session = session;
        this.failures = failures;
        this.token = token;
        this.tokenDigest = sha256(token);
    }

    /** An admin page: its handler runs for a session or a bearer token; anyone else gets the login form. */
    HttpHandler page(HttpHandler handler) {
        HttpHandler bearer = new BearerAuth(token, failures, handler);
        return exchange -> {
            privateHeaders(exchange);
            if (session.isValid(exchange)) {
                handler.handleRequest(exchange);
            } else if (exchange.getRequestHeaders().contains(Headers.AUTHORIZATION)) {
                bearer.handleRequest(exchange);
            } else {
                html(exchange, 401, pages.login(null));
            }
        };
    }

    /** /api/stats: a session or a bearer token, else 401 in JSON. */
    HttpHandler api(HttpHandler handler) {
        HttpHandler bearer = new BearerAuth(token, failures, handler);
        return exchange -> {
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
            if (session.isValid(exchange)) {
                handler.handleRequest(exchange);
            } else {
                bearer.handleRequest(exchange);
            }
        };
    }

    void overview(HttpServerExchange exchange) {
        html(exchange, 200, pages.overview(statistics.report()));
    }

    void feed(HttpServerExchange exchange) {
        Deque<String> asked = exchange.getQueryParameters().get("feed");
        if (asked == null || asked.isEmpty() || asked.getFirst().isBlank()) {
            throw new HttpError(400, "name the feed: /admin/feed/?feed=/feed/");
        }
        String feed = asked.getFirst();
        SubscriberReport report = statistics.report();
        FeedStatistics found = report.feeds().stream().filter(f -> f.feed().equals(feed)).findFirst()
                .orElseThrow(() -> new HttpError(404, "no statistics for the feed " + feed + " in the last "
                        + SubscriberStatistics.HISTORY_DAYS + " days"));
        html(exchange, 200, pages.feed(report, found));
    }

    /** POST /admin/login with the form field token: a session and a redirect to /admin/, or the form again. */
    void login(HttpServerExchange exchange) {
        privateHeaders(exchange);
        InetAddress client = ClientAddress.counted(exchange).orElse(null);
        long now = System.nanoTime();
        if (client != null) {
            long wait = failures.blockedFor(client, now);
            if (wait > 0) {
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, wait);
                html(exchange, 429, pages.login("محاولات خاطئة كثيرة من هذا العنوان؛ حاول بعد " + wait + " ثانية."));
                return;
            }
        }
        String given = formField(exchange, "token");
        if (given == null || !MessageDigest.isEqual(tokenDigest, sha256(given.strip()))) {
            if (client != null && given != null) {
                failures.failed(client, now);
            }
            html(exchange, 401, pages.login(given == null ? "اكتب الرمز." : "الرمز غير صحيح."));
            return;
        }
        exchange.getResponseHeaders().put(Headers.SET_COOKIE, session.open());
        seeOther(exchange, AdminPages.HOME);
    }

    /** POST /admin/logout: the session cookie is cleared. */
    void logout(HttpServerExchange exchange) {
        privateHeaders(exchange);
        exchange.getResponseHeaders().put(Headers.SET_COOKIE, session.close());
        seeOther(exchange, AdminPages.HOME);
    }

    /** GET /api/stats: the report as JSON. */
    void json(HttpServerExchange exchange) {
        SubscriberReport report = statistics.report();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", report.from().toString());
        body.put("to", report.to().toString());
        body.put("at", report.at().toString());
        body.put("timeZone", "UTC");
        body.put("feedsCounted", report.feedsCounted());
        body.put("pollersDropped", report.pollersDropped());
        body.put("total", days(report.total()));
        List<Object> feeds = new ArrayList<>();
        for (FeedStatistics feed : report.feeds()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("feed", feed.feed());
            item.put("today", day(feed.today()));
            item.put("aggregators", feed.aggregators().stream().map(share -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("aggregator", share.aggregator());
                row.put("feedId", share.feedId());
                row.put("subscribers", share.subscribers());
                row.put("reportedAt", share.reportedAt().toString());
                return row;
            }).toList());
            item.put("webSub", feed.webSub().stream().map(AdminHandlers::lease).toList());
            item.put("days", days(feed.days()));
            feeds.add(item);
        }
        body.put("feeds", feeds);
        Json.send(exchange, 200, body);
    }

    private static List<Object> days(List<Day> days) {
        return days.stream().map(AdminHandlers::day).map(Object.class::cast).toList();
    }

    private static Map<String, Object> day(Day day) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("day", day.day().toString());
        row.put("subscribers", day.subscribers());
        row.put("pollers", day.pollers());
        row.put("webSub", day.webSub());
        row.put("polls", day.polls());
        row.put("notModified", day.notModified());
        row.put("notModifiedShare", Math.round(day.notModifiedShare() * 1000) / 1000.0);
        return row;
    }

    private static Map<String, Object> lease(WebSubLease lease) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("callbackHost", lease.callbackHost());
        row.put("leaseExpires", lease.expires().toString());
        row.put("lastDelivery", lease.lastDelivery().map(Instant::toString).orElse(null));
        row.put("retrying", lease.retrying().orElse(null));
        return row;
    }

    /** A field of an application/x-www-form-urlencoded body, or null. */
    private static String formField(HttpServerExchange exchange, String name) {
        BodyFirst.Received received = exchange.getAttachment(BodyFirst.RECEIVED);
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (received == null || type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new HttpError(415, "the login form is sent as application/x-www-form-urlencoded");
        }
        for (String pair : new String(received.bytes(), StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                try {
                    return URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new HttpError(400, "the login form is not valid form encoding: " + e.getMessage());
                }
            }
        }
        return null;
    }

    private static void privateHeaders(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.CACHE_CONTROL, "no-store");
        headers.put(Headers.X_FRAME_OPTIONS, "DENY");
        headers.put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
        headers.put(REFERRER_POLICY, "no-referrer");
        headers.put(CSP, "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
    }

    private static void html(HttpServerExchange exchange, int status, String page) {
        if (status == 401) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"minbar\"");
        }
        Responses.send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static void seeOther(HttpServerExchange exchange, String location) {
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.setStatusCode(303);
        exchange.endExchange();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
