package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.xnio.IoUtils;
import org.slf4j.LoggerFactory;

/**
 * Reads a request's body on the I/O thread, without a worker thread, before the request goes on
 * to its (blocking) handler: a client that sends its body a byte at a time, or never ends it,
 * holds its own connection and nothing that other clients need. A body must keep coming at
 * {@value #MIN_BYTES_PER_CHECK} bytes every {@link #CHECK_EVERY} and be whole within
 * {@link #MOST}, or the request is answered 408 and the connection closed. A body over the limit
 * is read on (and thrown away) up to {@link RequestBodies#DRAINED_UP_TO} times the limit, so its
 * sender gets the 413 rather than a reset; one announced larger is refused from its headers.
 */
final class BodyFirst implements HttpHandler {

    /** The whole body, for {@link RequestBodies#read} (a body over the limit never gets this far). */
    record Received(byte[] bytes) {}

    static final AttachmentKey<Received> RECEIVED = AttachmentKey.create(Received.class);
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    static final int MIN_BYTES_PER_CHECK = 2_048;
    static final Duration MOST = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(BodyFirst.class);

    private final int maxBytes;
    private final HttpHandler next;

    BodyFirst(int maxBytes, HttpHandler next) {
        this.maxBytes = maxBytes;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (RequestBodies.announcedLength(exchange) > (long) maxBytes * RequestBodies.DRAINED_UP_TO) {
            throw RequestBodies.tooLarge(maxBytes);
        }
        new Reading(exchange).start();
    }

    /** One body as it arrives; every method runs on the connection's I/O thread. */
    private final class Reading {

        private final HttpServerExchange exchange;
        private final long started = System.nanoTime();
        private ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long total;
        private long atLastCheck;
        private boolean over;

        Reading(HttpServerExchange exchange) {
            this.exchange = exchange;
        }

        void start() {
            exchange.getIoThread().executeAfter(this::check, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            exchange.getRequestReceiver().receivePartialBytes(this::chunk, this::failed);
        }

        private void chunk(HttpServerExchange ignored, byte[] bytes, boolean last) {
            if (over) {
                return;
            }
            total += bytes.length;
            if (kept != null) {
                if (total > maxBytes) {
                    kept = null; // over the limit: read on, keep nothing
                } else {
                    kept.write(bytes, 0, bytes.length);
                }
            }
            if (last) {
                over = true;
                if (kept == null) {
                    refuse(RequestBodies.tooLarge(maxBytes));
                    return;
                }
                exchange.putAttachment(RECEIVED, new Received(kept.toByteArray()));
                try {
                    next.handleRequest(exchange);
                } catch (Exception e) {
                    ErrorHandler.send(exchange, e);
                }
            }
        }

        private void failed(HttpServerExchange ignored, IOException e) {
            if (over) {
                return;
            }
            over = true;
            if (kept == null) {
                refuse(RequestBodies.tooLarge(maxBytes)); // past even the drained size: the 413 goes out as far as it can
                return;
            }
            LOG.info("{} {}: the request body could not be read whole ({})", exchange.getRequestMethod(),
                    exchange.getRequestPath(), e.getMessage());
            refuse(new HttpError(400, "the request body ended before it was whole: " + e.getMessage()));
        }

        private void check() {
            if (over) {
                return;
            }
            if (total - atLastCheck < MIN_BYTES_PER_CHECK) {
                timeOut("the request body arrived slower than " + MIN_BYTES_PER_CHECK + " bytes in "
                        + CHECK_EVERY.toSeconds() + " s");
            } else if (System.nanoTime() - started > MOST.toNanos()) {
                timeOut("the request body was not whole within " + MOST.toSeconds() + " s");
            } else {
                atLastCheck = total;
                exchange.getIoThread().executeAfter(this::check, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void timeOut(String why) {
            over = true;
            LOG.info("{} {}: 408, {} ({} bytes received)", exchange.getRequestMethod(), exchange.getRequestPath(), why, total);
            refuse(new HttpError(408, why));
        }

        /** Answers and closes the connection: what is left of the body is never read. */
        private void refuse(HttpError error) {
            exchange.setPersistent(false); // Undertow answers with Connection: close and closes after the answer
            if (exchange.isResponseStarted()) {
                IoUtils.safeClose(exchange.getConnection());
                return;
            }
            ErrorHandler.send(exchange, error);
        }
    }
}
