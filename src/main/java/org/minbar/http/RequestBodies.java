package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Deque;
import java.util.Optional;
import org.minbar.model.Submission;

/**
 * The body {@link BodyFirst} read (within the configured limit, or the request was refused with
 * 413 before it got here), with the hints that travel beside it: ?url= (the page's canonical
 * address) and Slug.
 */
final class RequestBodies {

    /** RFC 5023's header for the name a client would like the new member's address to have. */
    static final HttpString SLUG = new HttpString("Slug");

    private RequestBodies() {}

    static Submission read(HttpServerExchange exchange) {
        BodyFirst.Received received = exchange.getAttachment(BodyFirst.RECEIVED);
        if (received == null) {
            throw new IllegalStateException(exchange.getRequestPath() + " reads a body but is not behind BodyFirst");
        }
        Deque<String> url = exchange.getQueryParameters().get("url");
        return new Submission(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), received.bytes(),
                url == null || url.isEmpty() ? Optional.empty() : Optional.of(url.getFirst()),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst(SLUG)));
    }
}
