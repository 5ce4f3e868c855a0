package org.minbar.service;

import java.util.HashMap;
import java.util.Map;

/**
 * WebSub requests for one topic and callback take effect in the order the hub received them.
 * Each is verified on a thread of its own, so a subscriber that subscribes again with a new secret
 * (or unsubscribes) could otherwise see its older request verified last and win: its new secret
 * lost, or its subscription back. A pair is remembered only while one of its requests is waiting.
 */
final class HubRequestOrder {

    /** Requests still waiting for a pair, and the latest one that took effect. */
    private static final class Pair {
        int waiting;
        long applied;
    }

    private final Map<String, Pair> pairs = new HashMap<>();
    private long received;

    static String pair(String topic, String callback) {
        return topic + "\n" + callback;
    }

    /** A request for the pair was received: its place in the order. */
    synchronized long received(String pair) {
        pairs.computeIfAbsent(pair, key -> new Pair()).waiting++;
        return ++received;
    }

    /** Whether the request received {@code order}-th may take effect: no later one for its pair has. */
    synchronized boolean takesEffect(String pair, long order) {
        Pair state = pairs.get(pair);
        if (state == null || state.applied > order) {
            return false;
        }
        state.applied = order;
        return true;
    }

    /** The request is done with, verified or not. */
    synchronized void done(String pair) {
        Pair state = pairs.get(pair);
        if (state != null && --state.waiting == 0) {
            pairs.remove(pair);
        }
    }

    /** Pairs remembered now: those with a request waiting. */
    synchronized int remembered() {
        return pairs.size();
    }
}
