package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

// The in-memory tally between flushes: a returning poller held once with its latest poll; and, with
// serving threads counting while the flusher drains, no poll and no poller lost.
class PollTallyTest {

    private static final String READER = "Reader/1.0 (+https://reader.example)";

    @Test
    void aReturningPollerIsHeldOnceWithItsLatestPollToTheSecond() {
        PollTally tally = new PollTally();
        tally.polled("/feed/", 1, false, "203.0.113.7", READER, 10_000);
        tally.polled("/feed/", 1, true, "203.0.113.7", READER, 10_400); // within the second: not rewritten
        tally.polled("/feed/", 1, true, "203.0.113.7", READER, 12_000);
        tally.polled("/feed/", 1, false, "203.0.113.8", READER, 12_500);
        PollTally.Drained drained = tally.drain(1);
        assertEquals(Map.of(new PollTally.Poller("/feed/", 1, "203.0.113.7", READER), 12_000L,
                new PollTally.Poller("/feed/", 1, "203.0.113.8", READER), 12_500L), drained.pollers());
        assertEquals(4, drained.counts().get(0).polls());
        assertEquals(2, drained.counts().get(0).notModified());
        assertEquals(Map.of(), tally.drain(1).pollers(), "a drain takes them out");
    }

    @Test
    void countingWhileTheFlusherDrainsLosesNoPollAndNoPoller() throws Exception {
        PollTally tally = new PollTally();
        int threads = 4;
        int perThread = 200_000;
        int pollers = 5_000;
        AtomicBoolean done = new AtomicBoolean();
        long polls = 0;
        Set<String> agents = new HashSet<>();
        Map<String, Long> latest = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] counting = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                int thread = t;
                counting[t] = pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        tally.polled("/feed/", 1, false, "198.51.100." + thread, "Reader/" + (i % pollers), 1_000L * i);
                    }
                });
            }
            Thread drainer = new Thread(() -> {
                while (!done.get()) {
                    collect(tally.drain(1), agents, latest);
                }
            });
            drainer.start();
            for (Future<?> f : counting) {
                f.get(60, TimeUnit.SECONDS);
            }
            done.set(true);
            drainer.join();
        } finally {
            pool.shutdown();
        }
        PollTally.Drained last = tally.drain(1);
        collect(last, agents, latest);
        synchronized (agents) {
            assertEquals(threads * pollers, agents.size(), "every poller was drained at least once");
            for (int t = 0; t < threads; t++) {
                assertEquals(1_000L * (perThread - 1), latest.get("198.51.100." + t + " Reader/" + ((perThread - 1) % pollers)),
                        "the latest poll of each thread's last poller was kept");
            }
            polls = latest.get("polls");
        }
        assertEquals((long) threads * perThread, polls, "every poll was counted");
        assertEquals(0, tally.dropped());
    }

    private static void collect(PollTally.Drained drained, Set<String> agents, Map<String, Long> latest) {
        synchronized (agents) {
            drained.pollers().forEach((poller, at) -> {
                String key = poller.address() + " " + poller.userAgent();
                agents.add(key);
                latest.merge(key, at, Math::max);
            });
            drained.counts().forEach(counts -> latest.merge("polls", counts.polls(), Long::sum));
        }
    }
}
