package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets a write through only with "Authorization: Bearer &lt;token&gt;". Compares SHA-256 digests
 * with MessageDigest.isEqual, so neither the token's content nor its length leaks through timing.
 * An address that fails too often is refused for a while (see {@link AuthFailures}).
 */
final class BearerAuth implements HttpHandler {

    private final byte[] expectedDigest;
    private final AuthFailures failures;
    private final HttpHandler next;

    BearerAuth(String token, AuthFailures failures, HttpHandler next) {
        this.expectedDigest = sha256(token);
        this.failures = failures;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        InetAddress client = ClientAddress.counted(exchange).orElse(null);
        long now = System.nanoTime();
        if (client != null) {
            long wait = failures.blockedFor(client, now);
            if (wait > 0) {
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, wait);
                throw new HttpError(429, "too many failed authentications from " + client.getHostAddress()
                        + "; try again in " + wait + " s");
            }
        }
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header == null) {
            throw new HttpError(401, "this request needs the header Authorization: Bearer <token>");
        }
        boolean bearer = header.length() >= 7 && header.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!bearer || !MessageDigest.isEqual(expectedDigest, sha256(header.substring(7).strip()))) {
            if (client != null) {
                failures.failed(client, now);
            }
            throw new HttpError(401, bearer ? "the bearer token is not valid" : "the Authorization header must use the Bearer scheme");
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
