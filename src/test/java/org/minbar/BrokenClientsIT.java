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
}
