package org.minbar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A log nobody reads (a stuck stderr pipe, a full journal) must never hold the I/O threads that log requests.
class AccessLogTest {

    @Test
    @Timeout(30) // a log that waited for its reader would hang here
    void aStuckLogReaderNeverHoldsTheRequestsThatLogAndLosesOnlyWhatDidNotFit() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        List<String> written = new CopyOnWriteArrayList<>();
        try (AccessLog log = new AccessLog(100, line -> {
            try {
                stuck.await(); // the reader does not read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(line);
        })) {
            long started = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                log.logMessage("GET /feed/ " + i);
            }
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "logging never waited for the reader");
            stuck.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (written.size() < 101 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(101, written.size(), "the line being written and the 100 queued are kept, the rest dropped");
            assertEquals("GET /feed/ 0", written.get(0));
        }
    }
}
