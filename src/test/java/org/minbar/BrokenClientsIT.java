package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.ServerProcess;
import org.minbar.support.TestServer;

/**
 * Clients that break off, against a server in its own process whose log the test reads: anyone can
 * drop requests mid-body, so each costs one INFO line, never an ERROR with a stack trace, and the
 * server goes on answering.
 */
class BrokenClientsIT {

    @TempDir
    Path temp;

    @Test
    void aClientThatDropsItsBodyMidwayCostsOneLogLineAndNoError() throws Exception {
        Process server = ServerProcess.start(temp.resolve("storage"), temp);
        List<String> output = new ArrayList<>();
        try {
            URI base = URI.create(ServerProcess.localUrl(server, output));
            for (int i = 0; i < 20; i++) {
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /api/articles HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAuthorization: Bearer "
                            + TestServer.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"title\": \"")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(20);
                }
            }
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/healthz"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            Thread.sleep(500); // let the last lines reach the output
            synchronized (output) {
                assertTrue(output.stream().noneMatch(line -> line.contains("ERROR") || line.startsWith("\tat ")),
                        String.join("\n", output));
                long aborted = output.stream().filter(line -> line.contains("could not be read whole")).count();
                assertTrue(aborted >= 1 && aborted <= 20, String.join("\n", output));
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void fortyClientsTricklingTheirBodiesHoldNothingOthersNeedAndAreCutOff() throws Exception {
        Process server = ServerProcess.start(temp.resolve("storage"), temp);
        List<Socket> slow = new ArrayList<>();
        try {
            URI base = URI.create(ServerProcess.localUrl(server));
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 40; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("POST /websub HTTP/1.1\r\nHost: " + base.getAuthority()
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\nh")
                        .getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            long started = System.nanoTime();
            for (int second = 0; second < 4; second++) {
                for (Socket socket : slow) {
                    socket.getOutputStream().write('u'); // a byte a second each, for ever if let
                    socket.getOutputStream().flush();
                }
                long before = System.nanoTime();
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/healthz"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode());
                HttpResponse<String> feed = client.send(HttpRequest.newBuilder(base.resolve("/feed/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, feed.statusCode());
                HttpResponse<String> write = client.send(HttpRequest.newBuilder(base.resolve("/api/articles"))
                        .header("Authorization", "Bearer " + TestServer.TOKEN).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(
                                "{\"title\": \"خبر بين العملاء البطيئين " + second + "\", \"content\": \"<p>نص</p>\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(201, write.statusCode(), write.body());
                assertTrue(System.nanoTime() - before < Duration.ofSeconds(2).toNanos(), "reads and writes go on at once");
                Thread.sleep(1_000);
            }
            // Each trickling body is cut off once a check finds it slower than the minimum rate.
            for (Socket socket : slow) {
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
                assertTrue(answer.contains("slower than"), answer);
            }
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(20).toNanos());
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
            server.destroy();
            server.waitFor();
        }
    }
}
