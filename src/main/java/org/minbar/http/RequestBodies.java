package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import org.minbar.model.Submission;

/** Reads a request body whole, refusing (413) anything over the configured limit before reading it all. */
final class RequestBodies {

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
        return new Submission(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), body);
    }

    private HttpError tooLarge() {
        return new HttpError(413, "the request body is larger than the limit of " + maxBytes + " bytes");
    }
}
