package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The address a request came from, when limits per client count it: not a loopback address,
 * where a proxy in front (nginx, Varnish) would speak for every client at once.
 */
final class ClientAddress {

    private ClientAddress() {}

    static Optional<InetAddress> counted(HttpServerExchange exchange) {
        InetSocketAddress peer = exchange.getSourceAddress();
        InetAddress address = peer == null ? null : peer.getAddress();
        return address == null || address.isLoopbackAddress() ? Optional.empty() : Optional.of(address);
    }
}
