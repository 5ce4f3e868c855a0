package org.minbar.websub;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps the hub from being used to reach the server's own network: a callback whose host resolves
 * to a loopback, private, link-local, wildcard or multicast address is refused unless the site
 * allows private callbacks. Checked when a request arrives and again before every request to it,
 * since a name can resolve elsewhere later.
 */
public final class CallbackGuard {

    private final boolean allowPrivate;

    public CallbackGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the hub will not call this URL, or empty when it may. */
    public Optional<String> refusal(String url) {
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = URI.create(url).getHost();
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isPrivate(address)) {
                    return Optional.of("resolves to " + address.getHostAddress()
                            + ", a loopback, private, link-local or wildcard address, which this hub does not call");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("has a host name that does not resolve: " + host);
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            return first == 0 || (first == 100 && second >= 64 && second < 128); // "this network", carrier-grade NAT
        }
        return address instanceof Inet6Address && (bytes[0] & 0xFE) == 0xFC; // unique local fc00::/7
    }
}
