package org.minbar.support;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.minbar.App;
import org.minbar.ServerSettings;

/**
 * A real Minbar server for integration tests: Undertow on a free port of 127.0.0.1, a fresh
 * SQLite file in the given folder, the repository's feeds/ configuration, and optionally the
 * repository's seeds/. Talks to it over real HTTP.
 */
public final class TestServer implements AutoCloseable {

    public static final String TOKEN = "test-token-0123456789abcdef";

    private final App app;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String host;

    private TestServer(App app, String host) {
        this.app = app;
        this.host = host;
    }

    /** A server with an empty store. */
    public static TestServer start(Path storage) {
        return start(storage, false, 4 * 1024 * 1024);
    }

    /** A server whose store is filled from the repository's seeds/ on first start. */
    public static TestServer withSeeds(Path storage) {
        return start(storage, true, 4 * 1024 * 1024);
    }

    public static TestServer start(Path storage, boolean seeds, int maxBodyBytes) {
        return start(storage, seeds, maxBodyBytes, Optional.empty());
    }

    /** A server whose feeds name a fixed public address, as behind a proxy, so they do not depend on the port. */
    public static TestServer withSeedsBehind(Path storage, String publicBaseUrl) {
        return start(storage, true, 4 * 1024 * 1024, Optional.of(publicBaseUrl));
    }

    /**
     * A server with an empty store whose site.json has these settings added (a JSON object such as
     * {"itemsPerFeed": 2, "websub": {"allowPrivateCallbacks": true}}).
     */
    public static TestServer withSiteSettings(Path storage, String settings) {
        return start(storage, false, 4 * 1024 * 1024, Optional.empty(), feedsWith(storage, settings));
    }

    /** As {@link #listeningOn}, with these settings added to site.json (as {@link #withSiteSettings}). */
    public static TestServer listeningOn(Path storage, String host, String settings) {
        return start(host, storage, false, 4 * 1024 * 1024, Optional.empty(), feedsWith(storage, settings));
    }

    private static Path feedsWith(Path storage, String settings) {
        Path feeds = feedsWithoutBaseUrl(storage);
        try {
            ObjectNode site = (ObjectNode) JSON.readTree(feeds.resolve("site.json").toFile());
            site.setAll((ObjectNode) JSON.readTree(settings));
            JSON.writeValue(feeds.resolve("site.json").toFile(), site);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the test's site.json: " + e.getMessage(), e);
        }
        return feeds;
    }

    private static TestServer start(Path storage, boolean seeds, int maxBodyBytes, Optional<String> baseUrl) {
        return start(storage, seeds, maxBodyBytes, baseUrl, feedsWithoutBaseUrl(storage));
    }

    /** A server with an empty store listening on this address only (one of the machine's own), not on loopback. */
    public static TestServer listeningOn(Path storage, String host) {
        return start(host, storage, false, 4 * 1024 * 1024, Optional.empty(), feedsWithoutBaseUrl(storage));
    }

    private static TestServer start(Path storage, boolean seeds, int maxBodyBytes, Optional<String> baseUrl, Path feeds) {
        return start("127.0.0.1", storage, seeds, maxBodyBytes, baseUrl, feeds);
    }

    /**
     * A server with an empty store behind a shared cache, as {@link #withSiteSettings}: feeds say
     * this max-age, and changes are purged from the caches at {@code purgeUrls}.
     */
    public static TestServer behindCache(Path storage, String settings, int cacheMaxAgeSeconds, List<URI> purgeUrls) {
        return start("127.0.0.1", storage, false, 4 * 1024 * 1024, Optional.empty(), feedsWith(storage, settings),
                cacheMaxAgeSeconds, purgeUrls);
    }

    private static TestServer start(String host, Path storage, boolean seeds, int maxBodyBytes, Optional<String> baseUrl,
                                    Path feeds) {
        return start(host, storage, seeds, maxBodyBytes, baseUrl, feeds, 120, List.of());
    }

    private static TestServer start(String host, Path storage, boolean seeds, int maxBodyBytes, Optional<String> baseUrl,
                                    Path feeds, int cacheMaxAgeSeconds, List<URI> purgeUrls) {
        ServerSettings settings = new ServerSettings(host, 0, storage, TestStores.location(storage), baseUrl, Optional.of(TOKEN),
                feeds, seeds ? Optional.of(Path.of("seeds")) : Optional.empty(), cacheMaxAgeSeconds, maxBodyBytes, false, true,
                purgeUrls);
        TestServer server = new TestServer(App.start(settings), host);
        return server.derived(server); // the seeds, and whatever a restart found in the log, wholly taken in
    }

    /**
     * The repository's feeds/ files, copied beside the storage folder with site.json's baseUrl
     * removed, so links name the port this server was actually given.
     */
    static Path feedsWithoutBaseUrl(Path storage) {
        try {
            Path copy = Files.createDirectories(storage.resolveSibling(storage.getFileName() + "-feeds"));
            try (var files = Files.list(Path.of("feeds"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            ObjectNode site = (ObjectNode) JSON.readTree(copy.resolve("site.json").toFile());
            site.remove("baseUrl");
            JSON.writeValue(copy.resolve("site.json").toFile(), site);
            return copy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the feeds folder: " + e.getMessage(), e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The address the feeds name. */
    public String base() {
        return app.baseUrl();
    }

    /** The address this server listens on. */
    public String local() {
        return "http://" + host + ":" + app.port();
    }

    /** A new raw connection to this server, for clients that write their own bytes. */
    public Socket connect() throws IOException {
        return new Socket(host, app.port());
    }

    /**
     * Sends these bytes as they are (ISO-8859-1) on a new connection and reads the answer until the
     * server closes it: for requests no HTTP client would write. Ask for {@code Connection: close}.
     */
    public String raw(String request) {
        try (Socket socket = connect()) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("raw exchange failed: " + e.getMessage(), e);
        }
    }

    public HttpResponse<byte[]> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<byte[]> head(String path, String... headers) {
        return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    /**
     * POST or PUT a body with the given content type, authenticated with the test token; returns
     * once the write is wholly done, its derived data too (tests of what shows before that use {@link #send}).
     */
    public HttpResponse<byte[]> write(String method, String path, String contentType, byte[] body) {
        return derived(send(request(path, "Authorization", "Bearer " + TOKEN, "Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build()));
    }

    /** Waits until the server has derived every change committed so far (index, related stories, pushes queued). */
    public <T> T derived(T response) {
        try {
            if (!app.awaitDerived(Duration.ofSeconds(30))) {
                throw new IllegalStateException("the server did not derive its changes within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return response;
    }

    public HttpResponse<byte[]> postJson(String json) {
        return write("POST", "/api/articles", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<byte[]> putJson(String path, String json) {
        return write("PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** POST an application/x-www-form-urlencoded body of name=value pairs (encoded here), without a token. */
    public HttpResponse<byte[]> postForm(String path, String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path, "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
    }

    /** DELETE, authenticated; returns once the deletion is derived too. */
    public HttpResponse<byte[]> delete(String path) {
        return derived(send(request(path, "Authorization", "Bearer " + TOKEN).DELETE().build()));
    }

    /** Any request, for the bad ones: no token, wrong method, odd headers. */
    public HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("request to the test server failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : local() + path))
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    @Override
    public void close() {
        app.close();
    }

    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
