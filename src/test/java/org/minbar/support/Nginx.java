package org.minbar.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx running the shipped deploy/nginx/minbar.conf, its upstream set to a Minbar's port,
 * in the foreground on a free port of 127.0.0.1 with its prefix, cache, pid and logs in a
 * temporary folder; stopped on close. {@code error.log} there says what went wrong.
 */
public final class Nginx implements AutoCloseable {

    public static final Path NGINX = Path.of("/usr/sbin/nginx");
    public static final Path SHIPPED_CONF = Path.of("deploy/nginx/minbar.conf");

    private final Process process;
    private final int port;
    private final Path folder;

    private Nginx(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    /** Starts nginx on a free port in front of the Minbar at {@code backendPort}, and waits until it listens. */
    public static Nginx start(Path folder, int backendPort) throws IOException, InterruptedException {
        int port = Varnish.freePort();
        String shipped = Files.readString(SHIPPED_CONF, StandardCharsets.UTF_8);
        String site = replace(shipped, "server 127.0.0.1:8080;", "server 127.0.0.1:" + backendPort + ";");
        site = replace(site, "listen 80;", "listen 127.0.0.1:" + port + ";");
        site = replace(site, "/var/cache/nginx/minbar", folder.resolve("cache").toAbsolutePath().toString());
        Files.writeString(folder.resolve("minbar.conf"), site, StandardCharsets.UTF_8);
        Path temp = Files.createDirectories(folder.resolve("temp"));
        String main = (isRoot() ? "user root;\n" : "") // workers as root: the temporary folder is private to us
                + "worker_processes 1;\n"
                + "events { worker_connections 128; }\n"
                + "http {\n"
                + "    access_log " + folder.resolve("access.log").toAbsolutePath() + ";\n"
                + "    client_body_temp_path " + temp.resolve("body").toAbsolutePath() + ";\n"
                + "    proxy_temp_path " + temp.resolve("proxy").toAbsolutePath() + ";\n"
                + "    fastcgi_temp_path " + temp.resolve("fastcgi").toAbsolutePath() + ";\n"
                + "    uwsgi_temp_path " + temp.resolve("uwsgi").toAbsolutePath() + ";\n"
                + "    scgi_temp_path " + temp.resolve("scgi").toAbsolutePath() + ";\n"
                + "    include " + folder.resolve("minbar.conf").toAbsolutePath() + ";\n"
                + "}\n";
        Path conf = folder.resolve("nginx.conf");
        Files.writeString(conf, main, StandardCharsets.UTF_8);
        String log = folder.resolve("error.log").toAbsolutePath().toString();
        Process process = new ProcessBuilder(NGINX.toString(), "-p", folder.toAbsolutePath() + "/", "-c",
                conf.toAbsolutePath().toString(), "-e", log,
                "-g", "daemon off; pid " + folder.resolve("nginx.pid").toAbsolutePath() + "; error_log " + log + " info;")
                .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
        Nginx nginx = new Nginx(process, port, folder);
        nginx.awaitListening(Duration.ofSeconds(20));
        return nginx;
    }

    private static String replace(String text, String what, String with) {
        if (!text.contains(what)) {
            throw new IllegalStateException(SHIPPED_CONF + " no longer says " + what + ": the test cannot run it");
        }
        return text.replace(what, with);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void awaitListening(Duration longest) throws InterruptedException {
        long deadline = System.nanoTime() + longest.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": " + log());
            }
            try {
                new Socket("127.0.0.1", port).close();
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("nginx did not listen within " + longest.toSeconds() + " s: " + log());
                }
                Thread.sleep(100);
            }
        }
    }

    /** http://127.0.0.1:PORT */
    public String address() {
        return "http://127.0.0.1:" + port;
    }

    /** What nginx wrote to its error log and output. */
    public String log() {
        StringBuilder text = new StringBuilder();
        for (String name : new String[] {"nginx.out", "error.log"}) {
            try {
                text.append(Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.append("(no ").append(name).append(")");
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        var workers = process.descendants().toList();
        process.destroy(); // SIGTERM: nginx's fast shutdown
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.forEach(ProcessHandle::destroy);
    }
}
