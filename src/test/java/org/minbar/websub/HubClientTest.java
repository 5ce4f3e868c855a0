package org.minbar.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Covers HubClient against a real loopback server: the challenge read exactly, a longer answer refused unread,
// a body that trickles in without end abandoned at the deadline, and deliveries that ignore the answer's body.
class HubClientTest {

    private HttpServer server;
    private ExecutorService answering;
    private final HubClient client = new HubClient(new CallbackGuard(true), Duration.ofSeconds(1), Duration.ofSeconds(1));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        answering = Executors.newCachedThreadPool();
        server.setExecutor(answering);
        server.createContext("/echo", exchange -> answer(exchange, challenge(exchange)));
        server.createContext("/longer", exchange -> answer(exchange, challenge(exchange) + "x".repeat(1_000_000)));
        server.createContext("/trickle", this::trickle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        answering.shutdownNow();
    }

    @Test
    void aCallbackThatEchoesTheChallengeIsVerified() {
        HubClient.Outcome outcome = client.verify(url("/echo"), HubRequest.Mode.SUBSCRIBE, "https://news.example/feed/",
                "تحدٍّ-123", Optional.of(Duration.ofHours(1)));
        assertTrue(outcome.ok(), outcome.problem());
    }

    @Test
    void anAnswerLongerThanTheChallengeIsRefusedWithoutReadingItAll() {
        HubClient.Outcome outcome = client.verify(url("/longer"), HubRequest.Mode.SUBSCRIBE, "https://news.example/feed/",
                "abc", Optional.empty());
        assertFalse(outcome.ok());
        assertEquals("the callback answered without echoing the challenge", outcome.problem());
    }

    @Test
    void aBodyThatTricklesInWithoutEndIsAbandonedAtTheDeadline() throws Exception {
        long start = System.nanoTime();
        HubClient.Outcome outcome = client.verify(url("/trickle"), HubRequest.Mode.SUBSCRIBE, "https://news.example/feed/",
                "a-challenge-much-longer-than-the-few-bytes-that-trickle", Optional.empty());
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertFalse(outcome.ok());
        assertTrue(outcome.problem().contains("TimeoutException"), outcome.problem());
        assertTrue(took < 20_000, "abandoned at the 2 s deadline, not read for ever: " + took + " ms");

        HubClient.Outcome delivered = client.deliver(url("/trickle"), new byte[] {1}, "application/atom+xml", List.of(),
                Optional.empty()).get(20, TimeUnit.SECONDS);
        assertTrue(delivered.ok(), "a delivery needs only the status: " + delivered.problem());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String challenge(HttpExchange exchange) {
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            if (pair.startsWith("hub.challenge=")) {
                return URLDecoder.decode(pair.substring("hub.challenge=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client stopped reading once it knew enough
        }
    }

    /** 200, then a byte a second, for a minute: a slowloris answer. */
    private void trickle(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 60; i++) {
                out.write('a');
                out.flush();
                Thread.sleep(1_000);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the test is over
        }
    }
}
