package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;

/** Writes a plain-text UTF-8 response: what a feed reader or a browser can show as it is. */
final class PlainText {

    static final String MEDIA_TYPE = "text/plain; charset=utf-8";

    private PlainText() {}

    static void send(HttpServerExchange exchange, int status, String text) {
        Responses.send(exchange, status, MEDIA_TYPE, text.getBytes(StandardCharsets.UTF_8));
    }
}
