package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.util.AttachmentKey;
import java.net.InetAddress;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;

/**
 * Caps the connections one client address holds open at {@value #MOST}: a connection is counted
 * from its first request until it closes, and a request on one over the cap is answered 429 and
 * its connection closed. Loopback is not counted: a proxy in front (nginx, Varnish) connects from
 * there for every client, and limits them itself. Connections that never send a request are
 * closed by Undertow's request-parse and idle timeouts.
 */
final class ConnectionsPerAddress implements HttpHandler {

    static final int MOST = 64;
    private static final AttachmentKey<Boolean> COUNTED = AttachmentKey.create(Boolean.class);

    private final Map<InetAddress, Integer> open = new HashMap<>();
    private final HttpHandler next;

    ConnectionsPerAddress(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ServerConnection connection = exchange.getConnection();
        Optional<InetAddress> client = ClientAddress.counted(exchange);
        if (client.isPresent() && connection.getAttachment(COUNTED) == null) {
            InetAddress address = client.get();
            connection.putAttachment(COUNTED, Boolean.TRUE);
            int now = opened(address);
            connection.addCloseListener(closed -> closed(address));
            if (now > MOST) {
                exchange.setPersistent(false);
                throw new HttpError(429, "too many connections from " + address.getHostAddress()
                        + " (at most " + MOST + " at once); close some and try again");
            }
        }
        next.handleRequest(exchange);
    }

    private int opened(InetAddress address) {
        synchronized (open) {
            return open.merge(address, 1, Integer::sum);
        }
    }

    private void closed(InetAddress address) {
        synchronized (open) {
            open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        }
    }
}
