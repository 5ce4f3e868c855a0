package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets a write through only with "Authorization: Bearer &lt;token&gt;". Compares SHA-256 digests
 * with MessageDigest.isEqual, so neither the token's content nor its length leaks through timing.
 */
final class BearerAuth implements HttpHandler {

    private final byte[] expectedDigest;
    private final HttpHandler next;

    BearerAuth(String token, HttpHandler next) {
        this.expectedDigest = sha256(token);
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header == null) {
            throw new HttpError(401, "this request needs the header Authorization: Bearer <token>");
        }
        if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new HttpError(401, "the Authorization header must use the Bearer scheme");
        }
        if (!MessageDigest.isEqual(expectedDigest, sha256(header.substring(7).strip()))) {
            throw new HttpError(401, "the bearer token is not valid");
        }
        next.handleRequest(exchange);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
