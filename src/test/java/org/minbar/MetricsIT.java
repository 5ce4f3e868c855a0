package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestServer;

/**
 * /metrics, as Prometheus scrapes it: the token is required; requests are timed as histograms by
 * method, route template and status, never by raw path; the publish rate, derived-data lag, feed
 * cache, WebSub backlog and the JVM are there, each value what the server did.
 */
class MetricsIT {

    /** One sample line of the exposition format: name{labels} value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path temp;

    @Test
    void metricsNeedTheTokenAndTellWhatTheServerDid() {
        try (TestServer server = TestServer.start(temp.resolve("storage"))) {
            HttpResponse<byte[]> refused = server.get("/metrics");
            assertEquals(401, refused.statusCode(), "metrics are not public");
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    "an address programs use answers its errors in JSON");

            assertEquals(201, server.postJson("{\"guid\": \"urn:test:metrics\", \"title\": \"خبر للعد\","
                    + " \"content\": \"<p>نص.</p>\"}").statusCode());
            assertEquals(200, server.get("/feed/").statusCode());
            assertEquals(200, server.get("/feed/").statusCode()); // from the cache
            assertEquals(404, server.get("/nothing-here-7319/").statusCode());

            HttpResponse<byte[]> scraped = server.get("/metrics", "Authorization", "Bearer " + TestServer.TOKEN);
            assertEquals(200, scraped.statusCode());
            assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            String text = TestServer.text(scraped);
            Map<String, Double> samples = samples(text);

            assertTrue(samples.getOrDefault("http_server_requests_seconds_count{method=\"POST\",route=\"/api/articles\",status=\"201\"}", 0.0) >= 1,
                    "the publish is timed under its route template");
            assertEquals(2.0, samples.get("http_server_requests_seconds_count{method=\"GET\",route=\"feed/site/rss\",status=\"200\"}"),
                    "feeds are timed by kind and format");
            assertTrue(samples.keySet().stream().anyMatch(key -> key.startsWith("http_server_requests_seconds_bucket{")
                    && key.contains("route=\"feed/site/rss\"")), "as a histogram");
            assertTrue(samples.containsKey("http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}"));
            assertFalse(text.contains("nothing-here-7319"), "a raw path never becomes a label");

            assertTrue(samples.get("minbar_changes_total") >= 1, "the change log's position: its rate is the publish rate");
            assertEquals(0.0, samples.get("minbar_derived_lag_changes"), "everything is derived");
            assertTrue(samples.get("minbar_feed_cache_total{result=\"hit\"}") >= 1, "the second read came from the cache");
            assertTrue(samples.get("minbar_feed_cache_total{result=\"render\"}") >= 1);
            assertEquals(0.0, samples.get("minbar_websub_deliveries_pending"));
            assertEquals(0.0, samples.get("minbar_websub_deliveries_failing"));
            assertEquals(0.0, samples.get("minbar_stats_pollers_dropped_total"), "two polls are far from the pollers held between flushes");
            assertTrue(samples.keySet().stream().anyMatch(key -> key.startsWith("jvm_memory_used_bytes{")), "the JVM's figures");
            assertTrue(samples.containsKey("process_uptime_seconds"));
        }
    }

    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new HashMap<>();
        Matcher line = SAMPLE.matcher(text);
        while (line.find()) {
            samples.put(line.group(1) + (line.group(2) == null ? "" : line.group(2)), Double.parseDouble(line.group(3)));
        }
        return samples;
    }
}
