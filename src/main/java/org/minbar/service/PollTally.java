package org.minbar.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Feed polls counted in memory between two flushes to the store, so that counting one costs a
 * serving thread two map lookups and no I/O: polls and 304s per feed and day, and each distinct
 * poller (address and User-Agent) with when it last polled. At most {@value #MOST_POLLERS}
 * pollers are held between flushes; more are counted as {@link #dropped()} and not kept.
 */
final class PollTally {

    static final int MOST_POLLERS = 100_000;
    /** The longest User-Agent kept: a poller is told apart by its first 512 characters. */
    static final int LONGEST_AGENT = 512;
    /** How precisely a poller's last poll is kept: an aggregator's latest count is told by it. */
    static final long SEEN_AGAIN_MILLIS = 1_000;

    record FeedDay(String feed, long day) {}

    record Poller(String feed, long day, String address, String userAgent) {}

    record Counts(FeedDay feedDay, long polls, long notModified) {}

    /** What a flush takes out: counts and pollers, to be written, or put back if the write fails. */
    record Drained(List<Counts> counts, Map<Poller, Long> pollers) {
        boolean isEmpty() {
            return counts.isEmpty() && pollers.isEmpty();
        }
    }

    private final Map<FeedDay, LongAdder[]> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Poller, Long> pollers = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();

    void polled(String feed, long day, boolean notModified, String address, String userAgent, long nowMillis) {
        FeedDay feedDay = new FeedDay(feed, day);
        LongAdder[] adders = counts.get(feedDay);
        if (adders == null) {
            adders = counts.computeIfAbsent(feedDay, key -> new LongAdder[] {new LongAdder(), new LongAdder()});
        }
        adders[0].increment();
        if (notModified) {
            adders[1].increment();
        }
        String agent = userAgent == null ? "" : userAgent.length() > LONGEST_AGENT ? userAgent.substring(0, LONGEST_AGENT) : userAgent;
        Poller poller = new Poller(feed, day, address, agent);
        Long last = pollers.get(poller);
        if (last != null) {
            if (nowMillis - last >= SEEN_AGAIN_MILLIS) {
                pollers.put(poller, nowMillis); // a poller polling again within the second is not written again
            }
        } else if (pollers.mappingCount() < MOST_POLLERS) {
            pollers.merge(poller, nowMillis, Math::max);
        } else {
            dropped.increment();
        }
    }

    /** Pollers not kept because the tally was full, since the server started. */
    long dropped() {
        return dropped.sum();
    }

    /**
     * Takes out everything counted so far. A feed's earlier day that was idle since the last drain
     * is forgotten; a poller that polls again while it is taken out stays for the next drain.
     */
    Drained drain(long today) {
        List<Counts> taken = new ArrayList<>();
        counts.forEach((feedDay, adders) -> {
            long polls = adders[0].sumThenReset();
            long notModified = adders[1].sumThenReset();
            if (polls > 0 || notModified > 0) {
                taken.add(new Counts(feedDay, polls, notModified));
            } else if (feedDay.day() < today) {
                counts.remove(feedDay, adders);
            }
        });
        Map<Poller, Long> seen = new java.util.HashMap<>();
        pollers.forEach((poller, at) -> {
            if (pollers.remove(poller, at)) {
                seen.put(poller, at);
            }
        });
        return new Drained(taken, seen);
    }

    /** Puts back what a drain took out, when it could not be written. */
    void restore(Drained drained) {
        for (Counts taken : drained.counts()) {
            LongAdder[] adders = counts.computeIfAbsent(taken.feedDay(), key -> new LongAdder[] {new LongAdder(), new LongAdder()});
            adders[0].add(taken.polls());
            adders[1].add(taken.notModified());
        }
        drained.pollers().forEach((poller, at) -> {
            if (pollers.mappingCount() < MOST_POLLERS) {
                pollers.merge(poller, at, Math::max);
            } else {
                dropped.increment();
            }
        });
    }
}
