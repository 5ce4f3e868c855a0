package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.minbar.model.Submission;
import org.minbar.service.WebSubService;

/**
 * The WebSub hub endpoint: POST /websub takes a subscription request as a form (202 once it is
 * well-formed; the verification follows off the request path), GET /websub says what the address is.
 */
final class WebSubHandlers {

    /** A request is four short parameters and a secret; 16 KB leaves room for long percent-encoded topics. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final String FORM = "application/x-www-form-urlencoded";

    private static final byte[] ABOUT = """
            This is the WebSub hub (https://www.w3.org/TR/websub/) of this site's feeds.
            Subscribe by POSTing application/x-www-form-urlencoded with hub.mode=subscribe (or unsubscribe),
            hub.topic (a feed's self URL, such as /feed/ or /category/{slug}/feed/atom/), hub.callback
            (your absolute http(s) URL), and optionally hub.lease_seconds and hub.secret.
            هذا موزّع WebSub لخلاصات الموقع: اشترك بطلب POST إلى هذا العنوان.
            """.getBytes(StandardCharsets.UTF_8);

    private final WebSubService hub;

    WebSubHandlers(WebSubService hub) {
        this.hub = hub;
    }

    void request(HttpServerExchange exchange) throws Exception {
        Submission submission = RequestBodies.read(exchange);
        String type = submission.mediaType() == null ? "" : submission.mediaType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(FORM)) {
            throw new HttpError(415, "Content-Type must be " + FORM
                    + (submission.mediaType() == null ? " (none was given)" : " (got " + submission.mediaType() + ")"));
        }
        hub.request(form(submission.body()), ClientAddress.counted(exchange));
        Json.send(exchange, 202, Map.of("status", 202, "message",
                "accepted; the hub will verify the request with a GET to hub.callback"));
    }

    void about(HttpServerExchange exchange) {
        Responses.send(exchange, 200, "text/plain; charset=utf-8", ABOUT);
    }

    /** Decodes a form body; a name given twice keeps both values, so that the service can refuse it. */
    static Map<String, List<String>> form(byte[] body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, "the body is not valid " + FORM + ": " + e.getMessage());
            }
        }
        return form;
    }
}
