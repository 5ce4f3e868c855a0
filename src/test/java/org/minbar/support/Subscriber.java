package org.minbar.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSub subscriber (or an external hub) on 127.0.0.1 for integration tests: a real HTTP server
 * that answers verification GETs (echoing the challenge, or not), records denials, and records
 * every POST with its headers, answering each with the next status queued (200 when none is).
 */
public final class Subscriber implements AutoCloseable {

    /** A POST the server received, on which path. */
    public record Received(String path, Headers headers, byte[] body, Instant at) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    /** Requests are answered in parallel, as a real subscriber's server would, so a slow answer holds only itself. */
    private final ExecutorService answering = Executors.newCachedThreadPool();
    private final BlockingQueue<Map<String, String>> verifications = new LinkedBlockingQueue<>();
    private final BlockingQueue<Map<String, String>> denials = new LinkedBlockingQueue<>();
    private final BlockingQueue<Received> posts = new LinkedBlockingQueue<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private volatile boolean echoChallenge = true;
    private volatile Duration postDelay = Duration.ZERO;

    private Subscriber(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(answering);
        server.start();
    }

    /** On any free port. */
    public static Subscriber start() {
        return start(0);
    }

    /** On this port (to come back where an earlier subscriber was). */
    public static Subscriber start(int port) {
        try {
            return new Subscriber(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** An address on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** From now on, verification GETs are answered 200 with a body that is not the challenge. */
    public Subscriber answerWithoutTheChallenge() {
        echoChallenge = false;
        return this;
    }

    /** From now on, POSTs are answered only after this long: a slow subscriber. */
    public Subscriber answerPostsAfter(Duration delay) {
        postDelay = delay;
        return this;
    }

    /** The next POSTs are answered with these statuses, in order. */
    public Subscriber thenAnswer(Integer... next) {
        statuses.addAll(java.util.List.of(next));
        return this;
    }

    public Map<String, String> nextVerification(Duration wait) throws InterruptedException {
        return verifications.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Map<String, String> nextDenial(Duration wait) throws InterruptedException {
        return denials.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Received nextPost(Duration wait) throws InterruptedException {
        return posts.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (exchange.getRequestMethod().equals("POST")) {
                Headers headers = new Headers();
                headers.putAll(exchange.getRequestHeaders());
                posts.add(new Received(exchange.getRequestURI().getPath(), headers, body, Instant.now()));
                sleep(postDelay);
                Integer status = statuses.poll();
                answer(exchange, status == null ? 200 : status, "");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if ("denied".equals(query.get("hub.mode"))) {
                denials.add(query);
                answer(exchange, 200, "");
                return;
            }
            verifications.add(query);
            answer(exchange, 200, echoChallenge ? query.getOrDefault("hub.challenge", "") : "not the challenge");
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Decodes a query string (or a form body) into its parameters. */
    public static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                values.put(URLDecoder.decode(pair.substring(0, equals < 0 ? pair.length() : equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        answering.shutdownNow();
    }
}
