package org.minbar.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * Reads a request's body on the I/O thread, without a worker thread, before the request goes on
 * to its (blocking) handler: a client that sends its body a byte at a time, or never ends it,
 * holds its own connection and nothing that other clients need. A body must keep coming at
 * {@value #MIN_BYTES_PER_CHECK} bytes every {@link #CHECK_EVERY} and be whole within
 * {@link #MOST}, or the request is answered 408 and the connection closed.
 *
 * <p>A body over the limit, chunked or of a stated length, is read to its end and thrown away
 * (within the same time limits, up to {@value #DRAINED_UP_TO} times the limit) before its 413, so
 * the connection holds no unread bytes when the answer goes out: closing a socket with unread
 * input sends a TCP reset, which throws away the answer the client has not read yet. A client
 * that asked {@code Expect: 100-continue} has sent nothing, and is refused from its headers.
 */
final class BodyFirst implements HttpHandler {

    /** The whole body, for {@link RequestBodies#read} (a body over the limit never gets this far). */
    record Received(byte[] bytes) {}

    static final AttachmentKey<Received> RECEIVED = AttachmentKey.create(Received.class);
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    static final int MIN_BYTES_PER_CHECK = 2_048;
    static final Duration MOST = Duration.ofSeconds(60);
    /** How many times the limit an oversized body is read (and thrown away) up to, for a clean 413. */
    static final int DRAINED_UP_TO = 64;
    private static final Logger LOG = LoggerFactory.getLogger(BodyFirst.class);

    private final int maxBytes;
    private final HttpHandler next;

    BodyFirst(int maxBytes, HttpHandler next) {
        this.maxBytes = maxBytes;
        this.next = next;
    }

    /**
     * The most of a body over {@code maxBytes} that is read and thrown away. Undertow's entity
     * limit is set server-wide to this for the largest limit (it applies a limit set per exchange
     * to bodies of a stated length only, not to chunked ones); each route checks its own.
     */
    static long mostRead(int maxBytes) {
        return (long) maxBytes * DRAINED_UP_TO + 1;
    }

    static HttpError tooLarge(int maxBytes) {
        return new HttpError(413, "the request body is larger than the limit of " + maxBytes + " bytes");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long announced = announcedLength(exchange);
        if (announced > maxBytes && (HttpContinue.requiresContinueResponse(exchange) || announced >= mostRead(maxBytes))) {
            exchange.setPersistent(false); // the body may come all the same: not read, so not kept alive
            throw tooLarge(maxBytes);
        }
        new Reading(exchange, announced > maxBytes).start();
    }

    /** The Content-Length the request announces, -1 for none (chunked); 400 when it is no number. */
    private static long announcedLength(HttpServerExchange exchange) {
        String contentLength = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            throw new HttpError(400, "Content-Length is not a number");
        }
    }

    /** One body as it arrives; every method runs on the connection's I/O thread. */
    private final class Reading {

        private final HttpServerExchange exchange;
        private final long started = System.nanoTime();
        /** What is kept of the body; null once it is known to be over the limit (read on, keep nothing). */
        private ByteArrayOutputStream kept;
        private long total;
        private long atLastCheck;
        private boolean over;

        Reading(HttpServerExchange exchange, boolean knownTooLarge) {
            this.exchange = exchange;
            this.kept = knownTooLarge ? null : new ByteArrayOutputStream();
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
            if (total > mostRead(maxBytes)) {
                over = true;
                refuse(tooLarge(maxBytes)); // past what is worth reading: the 413 goes out as far as it can
                return;
            }
            if (kept != null) {
                if (total > maxBytes) {
                    kept = null;
                } else {
                    kept.write(bytes, 0, bytes.length);
                }
            }
            if (last) {
                over = true;
                if (kept == null) {
                    // Read whole, so the connection can stay open: nothing unread is left on it.
                    ErrorHandler.send(exchange, tooLarge(maxBytes));
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
                // Past even the drained size, or the client broke off: the 413 goes out as far as it can.
                refuse(tooLarge(maxBytes));
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
            LOG.info("{} {}: {}, {} ({} bytes received)", exchange.getRequestMethod(), exchange.getRequestPath(),
                    kept == null ? 413 : 408, why, total);
            // A body already known to be too large is refused as such, whatever its pace.
            refuse(kept == null ? tooLarge(maxBytes) : new HttpError(408, why));
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
