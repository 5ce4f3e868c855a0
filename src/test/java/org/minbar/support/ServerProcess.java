package org.minbar.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server in a process of its own, for the tests that kill it: started on a free port, its address read from its output. */
public final class ServerProcess {

    private ServerProcess() {}

    /** Starts `minbar serve` on storage with the test token, no seeds, and feeds that name the port given. */
    public static Process start(Path storage, Path temp) throws Exception {
        return start(storage, temp, "{}");
    }

    /** As {@link #start(Path, Path)}, with these settings added to site.json (a JSON object, as TestServer.withSiteSettings takes). */
    public static Process start(Path storage, Path temp, String settings) throws Exception {
        return start(storage, temp, settings, 0, java.util.Map.of());
    }

    /**
     * As {@link #start(Path, Path, String)}, on this port (0: any free one) and with these variables
     * added to the environment (such as MINBAR_DATABASE, for a node of a shared store).
     */
    public static Process start(Path storage, Path temp, String settings, int port, java.util.Map<String, String> environment)
            throws Exception {
        Path feeds = Feeds.withoutBaseUrl(storage);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode site =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(feeds.resolve("site.json").toFile());
        site.setAll((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(settings));
        json.writeValue(feeds.resolve("site.json").toFile(), site);
        ProcessBuilder builder = command(List.of(), "serve", "--port", String.valueOf(port),
                "--storage", storage.toString(), "--feeds", feeds.toString(), "--seeds", temp.resolve("no-seeds").toString())
                .redirectErrorStream(true);
        builder.environment().put("MINBAR_TOKEN", TestServer.TOKEN); // never on a command line
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** `minbar ARGUMENTS` in a JVM of its own with these options, on the test's class path. */
    public static ProcessBuilder command(List<String> jvmOptions, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.minbar.Main"));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }

    /** The address the server listens on (not its public one), once it says so; its further output is read and dropped. */
    public static String localUrl(Process server) throws Exception {
        return localUrl(server, new ArrayList<>());
    }

    /** As {@link #localUrl(Process)}, adding every later line of the server's output to {@code output} (synchronize on it to read). */
    public static String localUrl(Process server, List<String> output) throws Exception {
        String said = baseUrlLine(server, output);
        String listening = said.substring(said.indexOf("(listening on ") + "(listening on ".length(), said.lastIndexOf(')'));
        return "http://" + listening;
    }

    /** The address the server says it serves, once it says so; its further output is read and dropped. */
    public static String baseUrl(Process server) throws Exception {
        String url = baseUrlLine(server, new ArrayList<>());
        return url.substring(0, url.indexOf("/feed/"));
    }

    private static String baseUrlLine(Process server, List<String> output) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
            if (line.startsWith("Minbar is serving ")) {
                String url = line.substring("Minbar is serving ".length());
                Thread drain = new Thread(() -> {
                    try {
                        out.lines().forEach(later -> {
                            synchronized (output) {
                                output.add(later);
                            }
                        });
                    } catch (java.io.UncheckedIOException e) {
                        // the process ended and its output was closed
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return url;
            }
        }
        throw new AssertionError("the server did not start");
    }

    /** One number from the store's database file, read with a connection of the test's own. */
    public static long query(Path storage, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + storage.resolve("minbar.db"));
             ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
