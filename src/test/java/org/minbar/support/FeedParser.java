package org.minbar.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A feed as Universal Feed Parser (Debian's python3-feedparser, installed by
 * src/test/setup/install-test-tools.sh) reads it from a real server: src/test/python/read_feed.py
 * fetches the URL, following redirects as readers do, then again with the validators it was given,
 * and prints what it understood as JSON.
 */
public final class FeedParser {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path READER = Path.of("src/test/python/read_feed.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedParser() {}

    /** What feedparser read at the URL. */
    public static JsonNode read(String url) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PYTHON.toString(), READER.toString(), url).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "feedparser did not finish");
        assertEquals(0, process.exitValue(), "feedparser failed: " + err);
        return JSON.readTree(out);
    }

    /** The feed-level links of this relation that feedparser found. */
    public static List<String> links(JsonNode read, String rel) {
        List<String> hrefs = new ArrayList<>();
        read.get("links").forEach(link -> {
            if (rel.equals(link.get("rel").asText())) {
                hrefs.add(link.get("href").asText());
            }
        });
        return hrefs;
    }
}
