package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.util.Deque;
import java.util.Optional;
import org.minbar.model.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body whole, refusing (413) anything over the configured limit, with the hints
 * that travel beside it: ?url= (the page's canonical address) and Slug. A body over the limit but
 * within {@value #DRAINED_UP_TO} times it is read to its end and thrown away before the answer,
 * so a client still sending it gets its 413 rather than a connection reset; a larger one is
 * refused from its Content-Length at once, or cut off where Undertow's entity limit stops it.
 */
final class RequestBodies {

    /** RFC 5023's header for the name a client would like the new member's address to have. */
    static final HttpString SLUG = new HttpString("Slug");
    /** How many times the limit an oversized body is read (and thrown away) up to, for a clean 413. */
    static final int DRAINED_UP_TO = 4;

    private static final Logger LOG = LoggerFactory.getLogger(RequestBodies.class);

    private final int maxBytes;

    RequestBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body, read already by {@link BodyFirst} on the I/O thread or else read here, blocking. */
    Submission read(HttpServerExchange exchange) {
        BodyFirst.Received received = exchange.getAttachment(BodyFirst.RECEIVED);
        byte[] body = received != null ? received.bytes() : readBlocking(exchange);
        Deque<String> url = exchange.getQueryParameters().get("url");
        return new Submission(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), body,
                url == null || url.isEmpty() ? Optional.empty() : Optional.of(url.getFirst()),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst(SLUG)));
    }

    /** The Content-Length the request announces, -1 for none (chunked); 400 when it is no number. */
    static long announcedLength(HttpServerExchange exchange) {
        String contentLength = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            throw new HttpError(400, "Content-Length is not a number");
        }
    }

    private byte[] readBlocking(HttpServerExchange exchange) {
        long announced = announcedLength(exchange);
        if (announced > (long) maxBytes * DRAINED_UP_TO) {
            throw tooLarge(maxBytes);
        }
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        byte[] body;
        try (InputStream in = exchange.getInputStream()) {
            body = in.readNBytes(announced > maxBytes ? 0 : maxBytes + 1);
            if (announced > maxBytes || body.length > maxBytes) {
                drain(in);
                throw tooLarge(maxBytes);
            }
        } catch (IOException e) {
            // The client went away or broke off mid-body: its own doing, so one line, not a stack trace.
            LOG.info("{} {}: the request body could not be read whole ({})", exchange.getRequestMethod(),
                    exchange.getRequestPath(), e.getMessage());
            throw new HttpError(400, "the request body ended before it was whole: " + e.getMessage());
        }
        return body;
    }

    /** Reads and throws away what is left of an oversized body, up to the drained size. */
    private void drain(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        long left = (long) maxBytes * DRAINED_UP_TO;
        try {
            for (int read = 0; read >= 0 && left > 0; read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) {
                left -= read;
            }
        } catch (IOException e) {
            // Past Undertow's entity limit, or the client gave up: the 413 goes out as far as it can.
        }
    }

    static HttpError tooLarge(int maxBytes) {
        return new HttpError(413, "the request body is larger than the limit of " + maxBytes + " bytes");
    }
}
