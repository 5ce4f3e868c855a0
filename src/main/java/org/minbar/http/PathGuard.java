package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Locale;

/**
 * Answers 404 to request paths that name no address of ours and only serve to fool something:
 * an empty segment ({@code //evil.example/feed}, which a redirect would turn into a link to another
 * host), a {@code .} or {@code ..} segment, written plainly or percent-encoded (path traversal), a
 * backslash (which browsers read as a slash), plain or left percent-encoded like an encoded slash,
 * or a control character. Nothing behind it, the
 * trailing-slash redirect included, sees such a path.
 */
final class PathGuard implements HttpHandler {

    private final HttpHandler next;

    PathGuard(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath(); // percent-decoded by Undertow, %2F apart
        if (!isPlain(path)) {
            throw new HttpError(404, "nothing at this address: a path may not hold empty, '.' or '..' segments,"
                    + " encoded slashes, backslashes or control characters");
        }
        next.handleRequest(exchange);
    }

    /** Whether the decoded path is one slash-separated list of ordinary segments. */
    static boolean isPlain(String path) {
        if (!path.startsWith("/") || path.contains("//") || path.indexOf('\\') >= 0) {
            return false;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            return false; // a slash or backslash Undertow left encoded: no address of ours has one
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
