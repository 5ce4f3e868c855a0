package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.util.Deque;
import java.util.Optional;
import org.minbar.model.Submission;

/**
 * Reads a request body whole, refusing (413) anything over the configured limit before reading it
 * all, with the hints that travel beside it: ?url= (the page's canonical address) and Slug.
 */
final class RequestBodies {

    /** RFC 5023's header for the name a client would like the new member's address to have. */
    static final HttpString SLUG = new HttpString("Slug");

    private final int maxBytes;

    RequestBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    Submission read(HttpServerExchange exchange) throws IOException {
        String contentLength = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.strip()) > maxBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new HttpError(400, "Content-Length is not a number");
            }
        }
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        byte[] body;
        try (InputStream in = exchange.getInputStream()) {
            body = in.readNBytes(maxBytes + 1);
        }
        if (body.length > maxBytes) {
            throw tooLarge();
        }
        Deque<String> url = exchange.getQueryParameters().get("url");
        return new Submission(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), body,
                url == null || url.isEmpty() ? Optional.empty() : Optional.of(url.getFirst()),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst(SLUG)));
    }

    private HttpError tooLarge() {
        return new HttpError(413, "the request body is larger than the limit of " + maxBytes + " bytes");
    }
}
