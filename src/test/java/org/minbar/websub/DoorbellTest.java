package org.minbar.websub;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

// Covers Doorbell: ringing wakes the dispatcher, and a write under way holds it until the write ends or the hold runs out.
class DoorbellTest {

    private final Doorbell doorbell = new Doorbell();

    @Test
    void aRingWakesTheWaiterAndIsClearedByIt() throws Exception {
        doorbell.ring();
        long start = System.nanoTime();
        doorbell.await(Duration.ofSeconds(30));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "rung before: no wait");
        start = System.nanoTime();
        doorbell.await(Duration.ofMillis(50));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50), "cleared: waits its time out");
    }
}
