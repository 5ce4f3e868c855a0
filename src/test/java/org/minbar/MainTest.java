package org.minbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

// Covers the command line: serve is the default command, and its options and import's parse into settings.
class MainTest {

    @Test
    void noCommandOrOnlyOptionsMeansServe() {
        assertArrayEquals(new String[] {"serve"}, Main.withDefaultCommand(new String[0]));
        assertArrayEquals(new String[] {"serve", "--port", "9090"}, Main.withDefaultCommand(new String[] {"--port", "9090"}));
        assertArrayEquals(new String[] {"--help"}, Main.withDefaultCommand(new String[] {"--help"}));
        assertArrayEquals(new String[] {"serve", "--host", "0.0.0.0"}, Main.withDefaultCommand(new String[] {"serve", "--host", "0.0.0.0"}));
        assertArrayEquals(new String[] {"import", "export.xml"}, Main.withDefaultCommand(new String[] {"import", "export.xml"}));
    }

    @Test
    void importOptionsParseAndDefaultsApply() {
        CommandLine.ParseResult result = Main.commandLine().parseArgs("import", "--storage", "/var/lib/minbar",
                "export.xml", "articles/");
        Main.Import command = (Main.Import) result.subcommand().commandSpec().userObject();
        assertEquals(Path.of("/var/lib/minbar"), command.site.storage);
        assertEquals(Path.of("feeds"), command.site.feeds);
        assertEquals(List.of(Path.of("export.xml"), Path.of("articles/")), command.files);
    }

    @Test
    void serveOptionsParseAndDefaultsApply() {
        CommandLine.ParseResult result = Main.commandLine().parseArgs("serve", "--port", "9090", "--host", "0.0.0.0",
                "--storage", "/var/lib/minbar", "--base-url", "https://news.example.org", "--token", "0123456789abcdef0123");
        Main.Serve serve = (Main.Serve) result.subcommand().commandSpec().userObject();
        assertEquals(9090, serve.port);
        assertEquals("0.0.0.0", serve.host);
        assertEquals(Path.of("/var/lib/minbar"), serve.site.storage);
        assertEquals("https://news.example.org", serve.site.baseUrl);
        assertEquals("0123456789abcdef0123", serve.token);
        assertEquals(Path.of("feeds"), serve.site.feeds);
        assertEquals(300, serve.cacheMaxAge);
    }

    @Test
    void aBadPortIsRefusedWithExitCode2() {
        assertEquals(2, Main.commandLine().execute("serve", "--port", "70000"));
    }

    @Test
    void aTokenGivenTwoWaysIsRefusedWithExitCode2() {
        assertEquals(2, Main.commandLine().execute("serve", "--token", "0123456789abcdef0123", "--token-file", "token.txt"));
    }

    @Test
    void theTokenFileOptionParses() {
        CommandLine.ParseResult result = Main.commandLine().parseArgs("serve", "--token-file", "/run/secrets/minbar-token");
        Main.Serve serve = (Main.Serve) result.subcommand().commandSpec().userObject();
        assertEquals(Path.of("/run/secrets/minbar-token"), serve.tokenFile);
    }

    @Test
    void theFallbackBaseUrlNamesAReachableHost() {
        assertEquals("http://127.0.0.1:8080", App.fallbackBaseUrl("127.0.0.1", 8080));
        assertEquals("http://localhost:8080", App.fallbackBaseUrl("0.0.0.0", 8080));
        assertEquals("http://[::1]:8080", App.fallbackBaseUrl("::1", 8080));
    }
}
