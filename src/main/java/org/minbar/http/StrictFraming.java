package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses, with 400 and a closed connection, a request whose body length could be read two ways
 * (RFC 9112 6.1 and 6.3): a Transfer-Encoding other than "chunked" alone, or one beside a
 * Content-Length. A proxy in front might frame such a request differently, which is how requests
 * are smuggled; and a body without a length would otherwise be read until the client closes.
 */
final class StrictFraming implements HttpHandler {

    private final HttpHandler next;

    StrictFraming(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderValues encodings = exchange.getRequestHeaders().get(Headers.TRANSFER_ENCODING);
        if (encodings != null && !encodings.isEmpty()) {
            List<String> codings = new ArrayList<>();
            for (String value : encodings) {
                for (String coding : value.split(",", -1)) {
                    codings.add(coding.strip().toLowerCase(Locale.ROOT));
                }
            }
            if (!codings.equals(List.of("chunked"))) {
                refuse(exchange, "Transfer-Encoding must be \"chunked\" alone (got \"" + String.join(", ", codings) + "\")");
            }
            if (exchange.getRequestHeaders().contains(Headers.CONTENT_LENGTH)) {
                refuse(exchange, "a request may not have both Transfer-Encoding and Content-Length");
            }
        }
        next.handleRequest(exchange);
    }

    private static void refuse(HttpServerExchange exchange, String why) {
        exchange.setPersistent(false); // nothing more is read on this connection
        throw new HttpError(400, why);
    }
}
