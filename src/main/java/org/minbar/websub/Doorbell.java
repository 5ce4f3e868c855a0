package org.minbar.websub;

import java.time.Duration;

/** Wakes a waiting loop at once when there is work for it, instead of letting it find the work on its next look. */
public final class Doorbell {

    private final Object lock = new Object();
    private boolean rung;

    public void ring() {
        synchronized (lock) {
            rung = true;
            lock.notifyAll();
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
