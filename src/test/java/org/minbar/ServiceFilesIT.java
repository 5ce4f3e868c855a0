package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * The files that run Minbar as a service. The systemd unit must pass `systemd-analyze verify`
 * without a word and score as hardened under `systemd-analyze security`. The Dockerfile has no
 * Docker daemon to build it on this machine, so it is read instead. It must build in a stage of
 * its own, run as a user without privileges, and keep the store in a volume. Its command is then
 * run as the image would: the built jar, the image's environment, its working folder with
 * feeds/ and seeds/. That server must import the seeds, serve them in /feed/ and exit 0 on
 * SIGTERM.
 */
class ServiceFilesIT {

    private static final Path UNIT = Path.of("deploy", "minbar.service");
    private static final Path DOCKERFILE = Path.of("Dockerfile");

    @TempDir
    Path temp;

    @Test
    void theSystemdUnitVerifiesWithoutAWord() throws Exception {
        Run run = run(List.of("systemd-analyze", "verify", UNIT.toAbsolutePath().toString()));
        assertEquals(0, run.exit(), run.output());
        assertEquals("", run.output().strip(), "systemd-analyze names no unknown key, bad value or missing binary");
    }

    @Test
    void theSystemdUnitIsHardened() throws Exception {
        Run run = run(List.of("systemd-analyze", "security", "--offline=true", UNIT.toAbsolutePath().toString()));
        Matcher exposure = Pattern.compile("Overall exposure level for minbar\\.service: ([0-9.]+)").matcher(run.output());
        assertTrue(exposure.find(), run.output());
        double level = Double.parseDouble(exposure.group(1));
        assertTrue(level <= 2.0, "exposure " + level + " of 10 (systemd calls up to 2.0 OK, above it MEDIUM or worse)");
    }

    @Test
    void theImageIsBuiltApartAndRunsWithoutPrivilegesWithTheStoreInAVolume() throws Exception {
        Dockerfile file = Dockerfile.read(DOCKERFILE);
        assertEquals(2, file.stages(), "a build stage and a runtime stage");
        assertTrue(file.all("COPY").stream().anyMatch(copy -> copy.startsWith("--from=build /src/target/minbar.jar")),
                "the runtime stage takes the jar the build stage made");
        assertTrue(file.all("COPY").stream().noneMatch(copy -> copy.startsWith("src")), "and no sources");
        String user = file.last("USER");
        assertNotEquals("root", user);
        assertNotEquals("0", user);
        assertEquals(file.environment().get("MINBAR_STORAGE"), file.last("VOLUME"), "the store is the volume");
        assertEquals(file.environment().get("MINBAR_PORT"), file.last("EXPOSE"));
        assertTrue(file.last("ENTRYPOINT").startsWith("["), "exec form: the JVM is PID 1 and gets the stop signal itself");
        assertTrue(file.all("RUN").stream().noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains("token")),
                "no secret is baked into the image");
    }

    @Test
    void theImagesCommandServesTheSeedsAndStopsCleanly() throws Exception {
        Dockerfile file = Dockerfile.read(DOCKERFILE);
        // The image's /opt/minbar, here: the jar the build made, feeds/ and seeds/.
        Path opt = Files.createDirectories(temp.resolve("opt-minbar"));
        Files.copy(Path.of("target", "minbar.jar"), opt.resolve("minbar.jar"));
        copyTree(Path.of("feeds"), opt.resolve("feeds"));
        copyTree(Path.of("seeds"), opt.resolve("seeds"));
        List<String> command = new ArrayList<>();
        for (String part : file.command()) {
            command.add(part.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                    : part.replace(file.last("WORKDIR"), opt.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(opt.toFile()).redirectErrorStream(true);
        builder.environment().putAll(file.environment());
        builder.environment().put("MINBAR_STORAGE", temp.resolve("volume").toString()); // the volume
        builder.environment().put("MINBAR_PORT", "0"); // -p 8080:8080 maps it; here any free port
        builder.environment().remove("MINBAR_TOKEN");
        Process server = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String serving = null;
            List<String> said = new ArrayList<>();
            for (String line; (line = out.readLine()) != null; ) {
                said.add(line);
                if (line.startsWith("Minbar is serving ")) {
                    serving = line;
                    break;
                }
            }
            assertTrue(serving != null, "the server starts: " + said);
            Thread drain = new Thread(() -> out.lines().forEach(line -> { }));
            drain.setDaemon(true);
            drain.start();
            String listening = serving.substring(serving.indexOf("(listening on ") + "(listening on ".length(), serving.lastIndexOf(')'))
                    .replace("0.0.0.0", "127.0.0.1");
            HttpResponse<byte[]> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + listening + "/feed/")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, feed.statusCode());
            SyndFeed parsed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(feed.body())));
            String seedTitle = new ObjectMapper().readTree(opt.resolve("seeds/001-idlib-attack.json").toFile()).get("title").asText();
            assertTrue(parsed.getEntries().stream().map(SyndEntry::getTitle).anyMatch(seedTitle::equals),
                    "the seeds were imported into the volume on first start");
            assertTrue(Files.exists(temp.resolve("volume").resolve("minbar.db")), "the store is in the volume");
            assertTrue(Files.exists(temp.resolve("volume").resolve("publishing-token")), "the token is generated into the volume");
            server.destroy(); // what `docker stop` sends
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, server.exitValue(), "docker stop is a clean stop");
        } finally {
            server.destroyForcibly();
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private record Run(int exit, String output) {}

    private static Run run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), output);
    }

    /** A Dockerfile's instructions, continued lines joined; what is asked of the last stage. */
    private record Dockerfile(List<String[]> instructions) {

        static Dockerfile read(Path path) throws Exception {
            List<String[]> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(path)) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                current.append(line.strip());
                if (line.endsWith("\\")) {
                    current.setLength(current.length() - 1);
                    current.append(' ');
                    continue;
                }
                String text = current.toString().strip();
                current.setLength(0);
                int space = text.indexOf(' ');
                instructions.add(new String[] {text.substring(0, space).toUpperCase(java.util.Locale.ROOT), text.substring(space + 1).strip()});
            }
            return new Dockerfile(instructions);
        }

        int stages() {
            return (int) instructions.stream().filter(i -> i[0].equals("FROM")).count();
        }

        /** The instructions of this kind in the last stage. */
        List<String> all(String kind) {
            List<String> found = new ArrayList<>();
            for (String[] instruction : instructions) {
                if (instruction[0].equals("FROM")) {
                    found.clear();
                } else if (instruction[0].equals(kind)) {
                    found.add(instruction[1]);
                }
            }
            return found;
        }

        String last(String kind) {
            List<String> found = all(kind);
            assertTrue(!found.isEmpty(), "the last stage has " + kind);
            return found.get(found.size() - 1);
        }

        Map<String, String> environment() {
            Map<String, String> environment = new LinkedHashMap<>();
            for (String line : all("ENV")) {
                for (String pair : line.split("\\s+")) {
                    environment.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            return environment;
        }

        /** ENTRYPOINT then CMD, both in exec form. */
        List<String> command() throws Exception {
            ObjectMapper json = new ObjectMapper();
            List<String> command = new ArrayList<>();
            for (String kind : List.of("ENTRYPOINT", "CMD")) {
                JsonNode parts = json.readTree(last(kind));
                parts.forEach(part -> command.add(part.asText()));
            }
            return command;
        }
    }
}
