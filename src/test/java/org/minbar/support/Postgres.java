package org.minbar.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from Debian's binaries (the highest /usr/lib/postgresql/N/bin with
 * N &gt;= 15): a fresh cluster in a temporary folder (trust authentication, superuser {@code minbar},
 * UTF-8) listening on a free port of 127.0.0.1, with its socket, data and {@code postgres.log} in
 * that folder. fsync stays on, so {@link #kill()} then {@link #restart()} is a real crash and
 * recovery. PostgreSQL refuses to run as root: when the tests do, the folder is given to the
 * {@code postgres} user (which Debian's package creates) and every command runs as it through
 * runuser. {@link #shared()} is one server for the whole test JVM; {@link #start()} one of a test's own.
 */
public final class Postgres implements AutoCloseable {

    public static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    public static final int OLDEST_MAJOR = 15;
    private static final String SUPERUSER = "minbar";
    private static final String RUN_AS = "postgres";
    private static final Duration LONGEST_START = Duration.ofSeconds(60);

    private static Postgres shared; // guarded by Postgres.class

    private final Path bin;
    private final Path folder;
    private final Path data;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private Postgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.data = folder.resolve("data");
        this.port = port;
    }

    /** The bin folder of the newest installed PostgreSQL 15 or later; the build's install-test-tools.sh installs it. */
    public static Path binaries() {
        Optional<Path> newest = Optional.empty();
        if (Files.isDirectory(DEBIAN_BINARIES)) {
            try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
                newest = versions
                        .filter(version -> version.getFileName().toString().matches("\\d+"))
                        .filter(version -> Integer.parseInt(version.getFileName().toString()) >= OLDEST_MAJOR)
                        .map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString())));
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + DEBIAN_BINARIES + ": " + e.getMessage(), e);
            }
        }
        return newest.orElseThrow(() -> new IllegalStateException("no PostgreSQL " + OLDEST_MAJOR
                + " or later: no " + DEBIAN_BINARIES + "/N/bin with initdb and pg_ctl. Install Debian's postgresql package"
                + " (src/test/setup/install-test-tools.sh does, as root)."));
    }

    /** Creates a fresh cluster in a new temporary folder, starts it on a free port and waits until it accepts connections. */
    public static Postgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path folder = Files.createTempDirectory("minbar-postgres");
        Postgres postgres = new Postgres(bin, folder, Varnish.freePort());
        try {
            if (isRoot()) {
                UserPrincipal owner = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(RUN_AS);
                Files.setOwner(folder, owner);
            }
            // --no-sync: only initdb's own writes skip fsync; the server keeps fsync on.
            postgres.run(bin.resolve("initdb").toString(), "-D", postgres.data.toString(), "-A", "trust", "-U", SUPERUSER,
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            Files.writeString(postgres.data.resolve("postgresql.conf"), "\n# Minbar's tests\n"
                    + "listen_addresses = '127.0.0.1'\n"
                    + "port = " + postgres.port + "\n"
                    + "unix_socket_directories = '" + folder + "'\n"
                    + "fsync = on\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            postgres.restart();
            return postgres;
        } catch (IOException | InterruptedException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** One server for the whole test JVM, started on first use; stopped and deleted when the JVM exits. */
    public static synchronized Postgres shared() throws IOException, InterruptedException {
        if (shared == null) {
            Postgres started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::discard, "postgres-shutdown"));
            shared = started;
        }
        return shared;
    }

    /** Creates a new, empty database with a name no other has had on this server, and returns its JDBC URL. */
    public String createDatabase() throws SQLException {
        String name = "minbar_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    /**
     * The database of this name, created empty the first time it is asked for: a test server started
     * again on the same storage folder finds its store again.
     */
    public synchronized String database(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
             Statement statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rows.next()) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        }
        return url(name);
    }

    /** jdbc:postgresql://127.0.0.1:PORT/DATABASE?user=minbar */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    public int port() {
        return port;
    }

    /** The server's own log (postgres.log) and what its commands wrote (commands.log). */
    public String log() {
        StringBuilder text = new StringBuilder();
        for (String name : new String[] {"commands.log", "postgres.log"}) {
            try {
                text.append(Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.append("(no ").append(name).append(")");
            }
        }
        return text.toString();
    }

    /** A clean shutdown (pg_ctl stop -m fast): sessions are ended, a checkpoint is written. */
    public void stop() throws IOException, InterruptedException {
        run(pgCtl(), "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    /** A crash (pg_ctl stop -m immediate): no checkpoint; the next start recovers from the WAL. */
    public void kill() throws IOException, InterruptedException {
        run(pgCtl(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    /** Starts the server again on the same port and data, and waits until it accepts connections. */
    public void restart() throws IOException, InterruptedException {
        run(pgCtl(), "-D", data.toString(), "-l", folder.resolve("postgres.log").toString(), "-w",
                "-t", Long.toString(LONGEST_START.toSeconds()), "start");
        awaitAccepting();
    }

    private void awaitAccepting() throws InterruptedException {
        long deadline = System.nanoTime() + LONGEST_START.toNanos();
        while (true) {
            try {
                DriverManager.getConnection(url("postgres")).close();
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not accept connections within "
                            + LONGEST_START.toSeconds() + " s: " + notYet.getMessage() + "\n" + log());
                }
                Thread.sleep(100);
            }
        }
    }

    private boolean running() throws IOException, InterruptedException {
        return Files.exists(data.resolve("postmaster.pid")) && execute(pgCtl(), "-D", data.toString(), "status") == 0;
    }

    /** Stops the server if it runs, and deletes its folder. */
    @Override
    public void close() {
        close(false);
    }

    /**
     * As {@link #close()}, without the shutdown checkpoint: for the JVM's shared server, whose many
     * test databases would take the fast stop's checkpoint (every dirty page written and synced)
     * longer than the test runner waits for a JVM to exit.
     */
    void discard() {
        close(true);
    }

    private void close(boolean immediately) {
        try {
            if (running()) {
                if (immediately) {
                    kill();
                } else {
                    stop();
                }
            }
        } catch (IOException | RuntimeException e) {
            // deleting the folder below is still worth trying
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot delete " + folder + ": " + e.getMessage(), e);
            }
        }
    }

    private String pgCtl() {
        return bin.resolve("pg_ctl").toString();
    }

    private void run(String... command) throws IOException, InterruptedException {
        int exit = execute(command);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n" + log());
        }
    }

    /** Runs a PostgreSQL command (as the postgres user when we are root) in the folder, its output appended to commands.log. */
    private int execute(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (isRoot()) {
            line.addAll(List.of("runuser", "-u", RUN_AS, "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("commands.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!process.waitFor(LONGEST_START.toSeconds() + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new IllegalStateException(String.join(" ", command) + " did not finish:\n" + log());
        }
        return process.exitValue();
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
