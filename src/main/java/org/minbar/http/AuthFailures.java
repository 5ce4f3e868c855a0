package org.minbar.http;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts failed authentications per client address, so nobody can try tokens as fast as the
 * network allows: after {@value #ALLOWED} failures within {@link #WINDOW_NANOS a minute} an address
 * is refused (429) until that minute is over, without its token being looked at. Remembers at
 * most {@value #ADDRESSES} addresses (the least recently failing are forgotten first).
 */
final class AuthFailures {

    static final int ALLOWED = 10;
    static final long WINDOW_NANOS = 60_000_000_000L;
    static final int ADDRESSES = 10_000;

    private record Window(long startedAt, int failures) {}

    private final Map<InetAddress, Window> windows = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Window> eldest) {
            return size() > ADDRESSES;
        }
    };

    /** Seconds until this address may try again, or 0 when it may now. */
    synchronized long blockedFor(InetAddress address, long now) {
        Window window = windows.get(address);
        if (window == null || now - window.startedAt() >= WINDOW_NANOS) {
            return 0;
        }
        return window.failures() < ALLOWED ? 0 : Math.max(1, (window.startedAt() + WINDOW_NANOS - now) / 1_000_000_000L);
    }

    synchronized void failed(InetAddress address, long now) {
        Window window = windows.get(address);
        if (window == null || now - window.startedAt() >= WINDOW_NANOS) {
            windows.put(address, new Window(now, 1));
        } else {
            windows.put(address, new Window(window.startedAt(), window.failures() + 1));
        }
    }
}
