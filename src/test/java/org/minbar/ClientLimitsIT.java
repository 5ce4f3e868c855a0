package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestServer;

/**
 * Per-address limits, with the server listening on one of the machine's own non-loopback
 * addresses (loopback is exempt: a proxy in front speaks for everyone from there), so the test's
 * connections come from a counted address. Skipped, saying so, on a machine with no such address.
 */
class ClientLimitsIT {

    @TempDir
    Path storage;
    private TestServer server;
    private String host;

    @BeforeEach
    void start() throws Exception {
        Optional<String> address = ownAddress();
        Assumptions.assumeTrue(address.isPresent(), "no non-loopback IPv4 address on this machine: the per-address limits are not tried");
        host = address.get();
        server = TestServer.listeningOn(storage, host, "{\"websub\": {\"allowPrivateCallbacks\": true}}");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAddressThatFailsToAuthenticateTenTimesIsRefusedForAMinute() {
        for (int i = 0; i < 10; i++) {
            String answer = server.raw(post("wrong-token-" + i));
            assertTrue(answer.startsWith("HTTP/1.1 401 "), answer);
        }
        String blocked = server.raw(post(TestServer.TOKEN));
        assertTrue(blocked.startsWith("HTTP/1.1 429 "), "even the right token waits out the minute: " + blocked);
        assertTrue(blocked.contains("too many failed authentications"), blocked);
        int retryAfter = Integer.parseInt(header(blocked, "retry-after"));
        assertTrue(retryAfter > 0 && retryAfter <= 60, blocked);
        assertTrue(server.raw("GET /feed/ HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 200 "),
                "reads are not limited");
    }

    /**
     * One client naming callbacks on many hosts (as a wildcard DNS name would give it), all of which
     * accept and never answer, holds 16 verifications: the host limit alone would let it fill the hub.
     */
    @Test
    void anAddressHoldsAtMost16WebSubVerificationsWhateverHostsItsCallbacksName() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 100, InetAddress.getByName("0.0.0.0"))) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> { // accepts and never answers
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            for (int i = 0; i < 16; i++) {
                HttpResponse<byte[]> answer = subscribe("http://127.0.0." + (2 + i) + ":" + silent.getLocalPort() + "/cb");
                assertEquals(202, answer.statusCode(), "callback host " + (i + 1) + ": " + TestServer.text(answer));
            }
            HttpResponse<byte[]> refused = subscribe("http://127.0.0.30:" + silent.getLocalPort() + "/cb");
            assertEquals(429, refused.statusCode(), TestServer.text(refused));
            assertTrue(TestServer.text(refused).contains("your address has 16 requests waiting for verification"),
                    TestServer.text(refused));
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private HttpResponse<byte[]> subscribe(String callback) {
        return server.postForm("/websub", "hub.mode", "subscribe", "hub.topic", server.base() + "/feed/",
                "hub.callback", callback);
    }

    @Test
    void anAddressHoldsAtMost64ConnectionsAndAFreedOneCanBeUsedAgain() throws Exception {
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                Socket socket = connect();
                assertTrue(exchange(socket).startsWith("HTTP/1.1 200 "), "connection " + (i + 1));
                open.add(socket);
            }
            Socket extra = connect();
            open.add(extra);
            String refused = exchange(extra);
            assertTrue(refused.startsWith("HTTP/1.1 429 "), refused);
            assertTrue(refused.toLowerCase().contains("connection: close"), refused);
            for (int i = 0; i < 10; i++) {
                open.remove(0).close();
            }
            Thread.sleep(300); // the server sees the closes
            Socket again = connect();
            open.add(again);
            assertTrue(exchange(again).startsWith("HTTP/1.1 200 "));
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    private String post(String token) {
        String body = "{\"title\": \"خبر\", \"content\": \"<p>نص</p>\"}";
        return "POST /api/articles HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private Socket connect() throws Exception {
        Socket socket = new Socket(host, Integer.parseInt(server.local().substring(server.local().lastIndexOf(':') + 1)));
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** One GET /healthz on a kept-alive connection; the status line and headers of its answer. */
    private String exchange(Socket socket) throws Exception {
        socket.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        StringBuilder head = new StringBuilder();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            head.append(line).append("\r\n");
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.skip(length);
        return head.toString();
    }

    private static String header(String answer, String name) {
        for (String line : answer.split("\r\n")) {
            if (line.toLowerCase().startsWith(name + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        throw new AssertionError("no " + name + " in " + answer);
    }

    private static Optional<String> ownAddress() throws Exception {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }
}
