package org.minbar.websub;

import java.time.Duration;

/**
 * Wakes the delivery dispatcher at once when work is queued, instead of letting it find the work
 * on its next look; and tells it when writes are under way, so that it can hold their pushes until
 * each write is wholly done (its related stories too) rather than push a half-finished feed.
 */
public final class Doorbell {

    private final Object lock = new Object();
    private boolean rung;
    private int writesUnderWay;
    /** When writes began to follow one another without a moment with none under way. */
    private long busySince;

    public void ring() {
        synchronized (lock) {
            rung = true;
            lock.notifyAll();
        }
    }

    /** A write has begun: pushes wait for it. Always paired with {@link #writeEnds()}. */
    public void writeBegins() {
        synchronized (lock) {
            if (writesUnderWay++ == 0) {
                busySince = System.nanoTime();
            }
        }
    }

    /** The write is done, its pushes are queued: rings. */
    public void writeEnds() {
        synchronized (lock) {
            writesUnderWay--;
            rung = true;
            lock.notifyAll();
        }
    }

    /**
     * Waits while writes are under way, but for no longer than {@code longest} from when they began
     * to follow one another without a pause, so a steady stream of writes holds no push for long.
     */
    public void awaitWrites(Duration longest) throws InterruptedException {
        synchronized (lock) {
            while (writesUnderWay > 0) {
                long left = busySince + longest.toNanos() - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                lock.wait(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
    }

    /** Waits until the bell rings or {@code longest} passes, and clears it. */
    public void await(Duration longest) throws InterruptedException {
        long deadline = System.nanoTime() + longest.toNanos();
        synchronized (lock) {
            long left = longest.toNanos();
            while (!rung && left > 0) {
                lock.wait(left / 1_000_000, (int) (left % 1_000_000));
                left = deadline - System.nanoTime();
            }
            rung = false;
        }
    }
}
