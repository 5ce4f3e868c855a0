package org.minbar.service;

import java.util.HashMap;
import java.util.Map;

/** How many things wait at once per key (a callback host, a client address), at most. Thread-safe. */
final class WaitingLimit {

    private final int most;
    private final Map<String, Integer> waiting = new HashMap<>();

    WaitingLimit(int most) {
        this.most = most;
    }

    int most() {
        return most;
    }

    /** Counts one more waiting under the key, unless it has {@link #most} already. */
    synchronized boolean reserve(String key) {
        int now = waiting.getOrDefault(key, 0);
        if (now >= most) {
            return false;
        }
        waiting.put(key, now + 1);
        return true;
    }

    synchronized void release(String key) {
        waiting.computeIfPresent(key, (k, now) -> now <= 1 ? null : now - 1);
    }
}
