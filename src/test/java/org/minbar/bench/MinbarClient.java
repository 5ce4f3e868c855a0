package org.minbar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The benchmark's side of Minbar's HTTP API over one keep-alive HTTP/1.1 client: publishing one
 * article or a batch with the bearer token, reading feeds with If-None-Match, reading an article,
 * searching, and asking the hub for a subscription.
 */
final class MinbarClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    MinbarClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    String base() {
        return base;
    }

    /** POST /api/articles with one JSON article. */
    HttpResponse<String> publish(byte[] json) throws IOException, InterruptedException {
        return send(write("/api/articles", "application/json", json));
    }

    /** POST /api/articles/batch with NDJSON, one article a line. */
    HttpResponse<String> publishBatch(byte[] ndjson) throws IOException, InterruptedException {
        return send(write("/api/articles/batch", "application/x-ndjson", ndjson));
    }

    /** GET a path; with an ETag, as a conditional request. */
    HttpResponse<String> get(String path, Optional<String> etag, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET();
        etag.ifPresent(tag -> request.header("If-None-Match", tag));
        return send(request.build());
    }

    /** The article's JSON, or empty when it is not 200. */
    Optional<JsonNode> article(long id) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/articles/" + id, Optional.empty(), TIMEOUT);
        return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
    }

    /** Whether /api/search finds the article with this id for the query. */
    boolean searchFinds(String query, long id) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                Optional.empty(), TIMEOUT);
        if (response.statusCode() != 200) {
            return false;
        }
        for (JsonNode hit : JSON.readTree(response.body()).path("results")) {
            if (hit.path("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    /** POST /websub with hub.mode subscribe or unsubscribe; the hub answers 202 and verifies with the callback later. */
    HttpResponse<String> hub(String mode, String topic, String callback) throws IOException, InterruptedException {
        String form = "hub.mode=" + mode + "&hub.topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8)
                + "&hub.callback=" + URLEncoder.encode(callback, StandardCharsets.UTF_8) + "&hub.lease_seconds=3600";
        return send(HttpRequest.newBuilder(URI.create(base + "/websub")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** The id a publish was stored under: from its Location header, else the "id" of its JSON. */
    static long idOf(HttpResponse<String> response) throws IOException {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isPresent() && location.get().matches(".*/\\d+")) {
            return Long.parseLong(location.get().replaceAll(".*/", ""));
        }
        return JSON.readTree(response.body()).path("id").asLong();
    }

    static JsonNode tree(String json) throws IOException {
        return JSON.readTree(json);
    }

    private HttpRequest write(String path, String type, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Content-Type", type)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
