package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing in the suite: Jazzer runs {@link org.minbar.fuzz.UntrustedInputFuzzer}
 * in a process of its own for a bounded time ({@code -Dminbar.fuzz.seconds}, 45 by default),
 * starting from the repository's own articles, pages and exports, and must end without a finding.
 * {@code bench/fuzz.sh SECONDS} runs it as long as asked, keeping its corpus.
 */
class FuzzIT {

    @TempDir
    Path temp;

    @Test
    void noInputMakesAReaderOrARouteFailOrAFeedInvalid() throws Exception {
        int seconds = Integer.getInteger("minbar.fuzz.seconds", 45);
        Path corpus = seedCorpus(temp.resolve("corpus"));
        Path findings = Files.createDirectories(temp.resolve("findings"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.io.tmpdir=" + Files.createDirectories(temp.resolve("tmp")), // its server's store goes with the test's folder
                "-cp", System.getProperty("java.class.path"), "com.code_intelligence.jazzer.Jazzer",
                "--target_class=org.minbar.fuzz.UntrustedInputFuzzer",
                "--instrumentation_includes=org.minbar.**:org.jsoup.**:com.fasterxml.jackson.**:com.rometools.**",
                // Jazzer's own hook on JDOM's parse throws a NullPointerException of its own (Rome reads the feeds through JDOM).
                "--disabled_hooks=com.code_intelligence.jazzer.sanitizers.XmlParserSsrfGuidance",
                "--reproducer_path=" + findings,
                "-max_total_time=" + seconds, "-max_len=16384", "-timeout=30", "-rss_limit_mb=2560",
                "-artifact_prefix=" + findings + File.separator, corpus.toString()));
        Path log = temp.resolve("jazzer.log");
        Process jazzer = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = jazzer.waitFor(seconds + 120L, TimeUnit.SECONDS);
        if (!ended) {
            jazzer.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        int finding = output.indexOf("== Java Exception");
        assertTrue(ended, "Jazzer did not end within " + (seconds + 120) + " s");
        assertEquals(0, jazzer.exitValue(), finding < 0 ? tail(output)
                : output.substring(finding, Math.min(output.length(), finding + 6_000)));
        Matcher done = Pattern.compile("Done (\\d+) runs in (\\d+) second").matcher(output);
        assertTrue(done.find(), tail(output));
        Matcher coverage = Pattern.compile("DONE +cov: (\\d+)").matcher(output);
        System.out.println("Jazzer: " + done.group(1) + " inputs in " + done.group(2) + " s, "
                + (coverage.find() ? coverage.group(1) : "?") + " coverage points, no finding");
        assertTrue(Long.parseLong(done.group(1)) > 200, "the fuzzer hardly ran: " + tail(output));
    }

    /**
     * The repository's examples of each kind of input, each with the trailing byte that chooses its
     * reader (Jazzer's FuzzedDataProvider reads small numbers from the end of an input).
     */
    private static Path seedCorpus(Path corpus) throws IOException {
        Files.createDirectories(corpus);
        List<Path> json;
        try (var files = Files.list(Path.of("seeds"))) {
            json = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        seed(corpus, json, 0);
        seed(corpus, List.of(Path.of("src/test/resources/pages/wordpress-news.html"),
                Path.of("src/test/resources/pages/jsonld-og.html"), Path.of("src/test/resources/pages/bare.html")), 1);
        Files.write(corpus.resolve("atom-entry"), withChooser(("<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>عنوان</title>"
                + "<id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id><updated>2020-02-09T10:00:00Z</updated>"
                + "<author><name>محرر</name></author><content type=\"html\">&lt;p&gt;نص&lt;/p&gt;</content>"
                + "<category term=\"سوريا\"/></entry>").getBytes(StandardCharsets.UTF_8), 2));
        seed(corpus, List.of(Path.of("src/test/resources/wxr/arabic-export.xml")), 3);
        Files.write(corpus.resolve("query"), withChooser("2".getBytes(StandardCharsets.UTF_8), 4));
        return corpus;
    }

    private static void seed(Path corpus, List<Path> files, int chooser) throws IOException {
        for (Path file : files) {
            Files.write(corpus.resolve(chooser + "-" + file.getFileName()), withChooser(Files.readAllBytes(file), chooser));
        }
    }

    private static byte[] withChooser(byte[] input, int chooser) {
        byte[] seeded = new byte[input.length + 1];
        System.arraycopy(input, 0, seeded, 0, input.length);
        seeded[input.length] = (byte) chooser;
        return seeded;
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 4_000));
    }
}
