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

    @Test
    void aWriteUnderWayHoldsTheDispatcherUntilItEnds() throws Exception {
        doorbell.writeBegins();
        CountDownLatch released = new CountDownLatch(1);
        Thread dispatcher = new Thread(() -> {
            try {
                doorbell.awaitWrites(Duration.ofSeconds(30));
                released.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        dispatcher.start();
        assertFalse(released.await(200, TimeUnit.MILLISECONDS), "held while the write is under way");
        doorbell.writeBegins();
        doorbell.writeEnds();
        assertFalse(released.await(200, TimeUnit.MILLISECONDS), "still held: the first write has not ended");
        doorbell.writeEnds();
        assertTrue(released.await(10, TimeUnit.SECONDS), "released when the last write ends");
        dispatcher.join();
    }

    @Test
    void writesThatNeverPauseHoldNoLongerThanTheLimit() throws Exception {
        doorbell.writeBegins();
        long start = System.nanoTime();
        doorbell.awaitWrites(Duration.ofMillis(100));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100), "held up to the limit");
        start = System.nanoTime();
        doorbell.awaitWrites(Duration.ofMillis(100));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "the same busy stretch is not held again");
        doorbell.writeEnds();
    }

    @Test
    void noWriteUnderWayHoldsNothing() throws Exception {
        long start = System.nanoTime();
        doorbell.awaitWrites(Duration.ofSeconds(30));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
    }
}
