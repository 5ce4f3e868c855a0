package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.ServerProcess;
import org.minbar.support.TestServer;

/**
 * The server as a service manager (systemd, Docker) runs it, in a process of its own: told to stop
 * with SIGTERM it finishes the request under way, answers new ones 503 meanwhile, and exits 0;
 * a busy port, a storage folder that cannot be one and a broken site.json are each told in one
 * line, exit 1 and create nothing; links that name another port of this machine are warned
 * about; and every log line has one format, requests' access log lines (combined format) included.
 */
class ServiceLifecycleIT {

    /** An SLF4J line: ISO date and time, level, logger. */
    private static final String LOG_LINE = "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (TRACE|DEBUG|INFO|WARN|ERROR) \\S+ - .*";

    @TempDir
    Path temp;

    @Test
    void sigtermFinishesTheRequestUnderWayAnswersNewOnes503AndExitsZero() throws Exception {
        Path storage = temp.resolve("storage");
        Process server = ServerProcess.start(storage, temp);
        List<String> output = new ArrayList<>();
        URI local = URI.create(ServerProcess.localUrl(server, output));
        byte[] body = ("{\"guid\": \"urn:test:drained\", \"title\": \"خبر وصل أثناء الإيقاف\","
                + " \"content\": \"<p>نص الخبر كاملاً.</p>\"}").getBytes(StandardCharsets.UTF_8);
        try (Socket publisher = new Socket(local.getHost(), local.getPort())) {
            publisher.setSoTimeout(30_000);
            OutputStream out = publisher.getOutputStream();
            out.write(("POST /api/articles HTTP/1.1\r\nHost: " + local.getAuthority() + "\r\nAuthorization: Bearer " + TestServer.TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(500); // the request is under way: its handler waits for the rest of the body

            server.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
            Thread.sleep(1_000);
            assertTrue(server.isAlive(), "the server waits for the request under way");
            assertEquals(503, statusOf(local, "GET /feed/ HTTP/1.1"), "a new request is turned away while it drains");

            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(publisher.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(status.startsWith("HTTP/1.1 201"), "the request under way is answered in full: " + status);
        }
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops once drained");
        assertEquals(0, server.exitValue(), "a stop asked for is no failure");
        assertEquals(1, ServerProcess.query(storage, "SELECT count(*) FROM articles WHERE guid = 'urn:test:drained'"),
                "the article answered 201 is stored");
        Thread.sleep(500); // the last lines read from the ended process
        synchronized (output) {
            assertTrue(output.stream().filter(line -> !line.isBlank() && !line.startsWith("Publishing token: "))
                    .allMatch(line -> line.matches(LOG_LINE)), "every log line has one format: " + output);
            assertTrue(output.stream().anyMatch(line -> line.matches(".* INFO access - 127\\.0\\.0\\.1 - - \\[[^]]+\\]"
                    + " \"POST /api/articles HTTP/1\\.1\" 201 \\d+ \"-\" \"-\"")),
                    "the drained request is in the access log, in the combined format: " + output);
            assertTrue(output.stream().anyMatch(line -> line.contains(" INFO access - ") && line.contains("\"GET /feed/ HTTP/1.1\" 503 ")),
                    "and the one turned away: " + output);
        }
    }

    @Test
    void aBusyPortIsToldInOneLineAndNothingIsCreated() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            Path storage = temp.resolve("storage");
            Run run = run("serve", "--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()),
                    "--storage", storage.toString(), "--feeds", feeds().toString(), "--seeds", temp.resolve("none").toString());
            assertEquals(1, run.exit());
            assertEquals(List.of("minbar: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use (another server is using the port; choose another with --port or MINBAR_PORT)"), run.errors());
            assertFalse(Files.exists(storage), "nothing is created");
        }
    }

    @Test
    void aStorageFolderThatIsAFileIsToldInOneLine() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        Run run = run("serve", "--port", "0", "--storage", file.resolve("store").toString(), "--feeds", feeds().toString(),
                "--seeds", temp.resolve("none").toString());
        assertEquals(1, run.exit());
        assertEquals(List.of("minbar: the storage folder " + file.resolve("store") + " cannot be created: " + file
                + " is a file, not a folder"), run.errors());
    }

    @Test
    void aBrokenSiteFileIsToldInOneLineAndNothingIsCreated() throws Exception {
        Path feeds = Files.createDirectories(temp.resolve("feeds"));
        Files.writeString(feeds.resolve("site.json"), "{\"title\": \"منبر\"");
        Path storage = temp.resolve("storage");
        Run run = run("serve", "--port", "0", "--storage", storage.toString(), "--feeds", feeds.toString(),
                "--seeds", temp.resolve("none").toString());
        assertEquals(1, run.exit());
        assertEquals(1, run.errors().size(), "one line: " + run.errors());
        assertTrue(run.errors().get(0).startsWith("minbar: " + feeds.resolve("site.json") + ": not valid JSON"), run.errors().get(0));
        assertFalse(Files.exists(storage), "nothing is created");
    }

    @Test
    void linksNamingAnotherPortOfThisMachineAreWarnedAboutInTheOneLogFormatWhateverTheLocale() throws Exception {
        // The shipped site.json names http://127.0.0.1:8080; the server is told to listen elsewhere,
        // on a machine whose locale is Arabic: log lines keep their ASCII digits.
        Path storage = temp.resolve("storage");
        ProcessBuilder builder = ServerProcess.command(List.of("-Duser.language=ar", "-Duser.country=SA"), "serve", "--host", "127.0.0.1", "--port", "0", "--storage", storage.toString(),
                "--feeds", feeds().toString(), "--seeds", temp.resolve("none").toString());
        builder.environment().put("MINBAR_TOKEN", TestServer.TOKEN);
        Process server = builder.redirectErrorStream(true).start();
        try {
            List<String> before = new ArrayList<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null && !line.startsWith("Minbar is serving "); ) {
                before.add(line);
            }
            assertTrue(before.stream().anyMatch(line -> line.contains(" WARN ")
                    && line.contains("the base URL http://127.0.0.1:8080 names port 8080 of this machine, but the server listens on port")),
                    "warned: " + before);
            assertTrue(before.stream().allMatch(line -> line.matches(LOG_LINE)),
                    "Undertow's and XNIO's lines too have the one format: " + before);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int statusOf(URI local, String requestLine) throws Exception {
        try (Socket reader = new Socket(local.getHost(), local.getPort())) {
            reader.setSoTimeout(10_000);
            reader.getOutputStream().write((requestLine + "\r\nHost: " + local.getAuthority() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = reader.getInputStream();
            String status = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static Path feeds() {
        return Path.of("feeds").toAbsolutePath();
    }

    /** What a finished command printed on its error stream, besides log lines, and its exit status. */
    private record Run(int exit, List<String> errors) {}

    private Run run(String... arguments) throws Exception {
        ProcessBuilder builder = ServerProcess.command(List.of(), arguments).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("MINBAR_TOKEN", TestServer.TOKEN);
        Process process = builder.start();
        List<String> errors = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            err.lines().filter(line -> !line.matches(LOG_LINE)).forEach(errors::add);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command ends");
        return new Run(process.exitValue(), errors);
    }
}
