package org.minbar.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's varnishd (with vmod xkey from varnish-modules) running the shipped
 * deploy/varnish/minbar.vcl, its backend port set to a Minbar's, in the foreground on a free port
 * of 127.0.0.1 with its working folder in a temporary one; stopped on close. Its log is
 * {@code varnishd.log} in that folder.
 */
public final class Varnish implements AutoCloseable {

    public static final Path VARNISHD = Path.of("/usr/sbin/varnishd");
    public static final Path SHIPPED_VCL = Path.of("deploy/varnish/minbar.vcl");

    private final Process process;
    private final int port;
    private final Path log;

    private Varnish(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A free port of 127.0.0.1, for a Varnish that is started after the server that purges it is told where it will be. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }

    /** Starts varnishd on {@code port} in front of the Minbar at {@code backendPort}, and waits until it answers. */
    public static Varnish start(Path folder, int port, int backendPort) throws IOException, InterruptedException {
        String shipped = Files.readString(SHIPPED_VCL, StandardCharsets.UTF_8);
        String backend = ".port = \"8080\";";
        if (!shipped.contains(backend)) {
            throw new IllegalStateException(SHIPPED_VCL + " no longer says " + backend + ": the test cannot point it at its server");
        }
        Path vcl = folder.resolve("minbar.vcl");
        Files.writeString(vcl, shipped.replace(backend, ".port = \"" + backendPort + "\";"), StandardCharsets.UTF_8);
        Path work = Files.createDirectories(folder.resolve("work"));
        Path log = folder.resolve("varnishd.log");
        // -j none: no privilege separation, so it runs as whoever runs the tests (root or not) in a temporary folder.
        Process process = new ProcessBuilder(VARNISHD.toString(), "-F", "-j", "none", "-a", "127.0.0.1:" + port,
                "-f", vcl.toAbsolutePath().toString(), "-n", work.toAbsolutePath().toString(), "-s", "malloc,64m",
                "-T", "none")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Varnish varnish = new Varnish(process, port, log);
        varnish.awaitAnswering(Duration.ofSeconds(30));
        return varnish;
    }

    private void awaitAnswering(Duration longest) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + longest.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("varnishd exited with " + process.exitValue() + ": " + log());
            }
            try {
                client.send(HttpRequest.newBuilder(URI.create(address() + "/healthz")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("varnishd did not answer within " + longest.toSeconds() + " s: " + log());
                }
                Thread.sleep(100);
            }
        }
    }

    /** http://127.0.0.1:PORT */
    public String address() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** What varnishd wrote. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroy); // the cache process, should the manager have left it
    }
}
