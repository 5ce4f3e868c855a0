package org.minbar.http;

import io.undertow.server.handlers.accesslog.AccessLogReceiver;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access log lines (the combined format, as the logger "access") on a thread of its own,
 * so a slow log reader never holds an I/O thread: lines wait in a bounded queue, and when it is
 * full they are dropped and counted, and the count is logged once there is room again.
 */
public final class AccessLog implements AccessLogReceiver, AutoCloseable {

    static final int QUEUED = 10_000;
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final String STOP = new String("stop"); // compared by identity: no request line is this object

    private final BlockingQueue<String> lines;
    private final Consumer<String> sink;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer = new Thread(this::write, "minbar-access-log");

    public AccessLog() {
        this(QUEUED, ACCESS::info);
    }

    /** Lines go to {@code sink} on the log's own thread, at most {@code queued} waiting. */
    AccessLog(int queued, Consumer<String> sink) {
        this.lines = new ArrayBlockingQueue<>(queued);
        this.sink = sink;
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void logMessage(String message) {
        if (!lines.offer(message)) {
            dropped.incrementAndGet();
        }
    }

    private void write() {
        try {
            for (String line = lines.take(); line != STOP; line = lines.take()) {
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    ACCESS.warn("{} access log lines dropped: the log was read more slowly than requests came", lost);
                }
                sink.accept(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, for at most a second, and stops. */
    @Override
    public void close() {
        try {
            if (lines.offer(STOP, 1, TimeUnit.SECONDS)) {
                writer.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.interrupt();
    }
}
