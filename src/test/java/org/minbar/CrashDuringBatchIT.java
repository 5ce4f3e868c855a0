package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.related.ArticleIndex;
import org.minbar.support.Articles;
import org.minbar.support.ServerProcess;
import org.minbar.support.Subscriber;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;

/**
 * A server process killed (SIGKILL) while NDJSON batches stream in, one of them in flight, with a
 * WebSub subscriber on the site feed; then started again on the same storage. Every acknowledged
 * batch is stored whole, the batch in flight is stored whole or not at all (one transaction), and
 * once the restarted server has followed the log every stored article is indexed and related and
 * the subscriber is pushed the feed with the newest of them.
 */
class CrashDuringBatchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SITE = "https://news.example.org";
    private static final String SETTINGS = "{\"baseUrl\": \"" + SITE + "\", \"websub\": {\"allowPrivateCallbacks\": true,"
            + " \"retryBaseSeconds\": 1}}";
    private static final int PER_BATCH = 200;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void killingTheServerDuringABatchKeepsEveryAcknowledgedBatchWholeAndDerivesAndPushesItAfterTheRestart() throws Exception {
        Path storage = temp.resolve("storage");
        List<List<String>> sent = new ArrayList<>();
        List<Boolean> acknowledged = new ArrayList<>();
        try (Subscriber subscriber = Subscriber.start()) {
            Process server = ServerProcess.start(storage, temp, SETTINGS);
            try {
                String base = ServerProcess.localUrl(server); // its feeds name the public address
                HttpClient client = HttpClient.newHttpClient();
                subscribe(client, base, subscriber, storage);
                Thread killer = killAfter(server, storage, 2 * PER_BATCH);
                for (int b = 0; b < 1_000 && server.isAlive(); b++) {
                    List<String> guids = new ArrayList<>();
                    StringBuilder body = new StringBuilder();
                    for (int i = 0; i < PER_BATCH; i++) {
                        int n = b * PER_BATCH + i;
                        guids.add("urn:test:batch-crash-" + n);
                        body.append(Articles.brief(guids.get(i), "خبر رقم " + n + " عن قصف في ريف إدلب " + (n % 7), "سوريا",
                                "نور الدين", "2024-05-01T10:00:00Z").replace("\n", " ")).append('\n');
                    }
                    sent.add(guids);
                    acknowledged.add(false);
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/articles/batch"))
                                .header("Authorization", "Bearer " + TestServer.TOKEN).header("Content-Type", "application/x-ndjson")
                                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, response.statusCode(), response.body());
                        assertTrue(response.body().lines().allMatch(line -> line.contains("\"status\":201")), response.body());
                        acknowledged.set(b, true);
                    } catch (IOException e) {
                        break; // the server died under this batch
                    }
                }
                killer.join();
            } finally {
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
            assertTrue(acknowledged.stream().filter(Boolean::booleanValue).count() >= 2, "batches went through before the kill");
            assertEquals(false, acknowledged.get(acknowledged.size() - 1), "the last batch was in flight when the server died");

            long stored = 0;
            for (int b = 0; b < sent.size(); b++) {
                long found = count(storage, sent.get(b));
                stored += found;
                if (acknowledged.get(b)) {
                    assertEquals(PER_BATCH, found, "acknowledged batch " + b + " is stored whole");
                } else {
                    assertTrue(found == 0 || found == PER_BATCH, "batch " + b + ", in flight at the kill, is all or nothing: " + found);
                    System.out.println("batch in flight at the kill: " + (found == 0 ? "not stored" : "stored whole, unacknowledged"));
                }
            }

            Instant restarted = Instant.now();
            try (TestServer again = TestServer.withSiteSettings(storage, SETTINGS)) { // returns once the log is derived
                assertEquals(stored, ServerProcess.query(storage, "SELECT count(*) FROM articles WHERE deleted_at IS NULL"));
                assertEquals(0, ServerProcess.query(storage, "SELECT count(*) FROM articles WHERE related_at IS NULL"),
                        "every stored article has its related stories");
                assertEquals(ServerProcess.query(storage, "SELECT max(seq) FROM changes"),
                        ServerProcess.query(storage, "SELECT seq FROM change_marks WHERE follower = 'derived'"));
                JsonNode hits = JSON.readTree(again.get("/api/search?q=" + URLEncoder.encode("إدلب", StandardCharsets.UTF_8)).body());
                assertTrue(hits.get("results").size() > 0, hits.toString());

                long newest = ServerProcess.query(storage, "SELECT max(id) FROM articles WHERE deleted_at IS NULL");
                String title = JSON.readTree(again.get("/api/articles/" + newest).body()).get("title").asText();
                Subscriber.Received push = awaitPushHolding(subscriber, title, restarted);
                assertNotNull(push, "after the restart the subscriber is pushed the feed with the newest stored article, " + title);
                assertTrue(Xml.rome(push.body()).getEntries().stream().anyMatch(entry -> entry.getTitle().equals(title)));
            }
        }
        try (ArticleIndex index = ArticleIndex.open(storage.resolve(App.INDEX_FOLDER))) {
            assertEquals(ServerProcess.query(storage, "SELECT count(*) FROM articles WHERE deleted_at IS NULL"), index.count(),
                    "the index holds exactly the live articles");
        }
    }

    private static void subscribe(HttpClient client, String base, Subscriber subscriber, Path storage) throws Exception {
        String form = "hub.mode=subscribe&hub.topic=" + URLEncoder.encode(SITE + "/feed/", StandardCharsets.UTF_8)
                + "&hub.callback=" + URLEncoder.encode(subscriber.url("/cb"), StandardCharsets.UTF_8);
        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(URI.create(base + "/websub"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertNotNull(subscriber.nextVerification(WAIT));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ServerProcess.query(storage, "SELECT count(*) FROM websub_subscriptions") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, ServerProcess.query(storage, "SELECT count(*) FROM websub_subscriptions"));
    }

    /** Kills the server a moment after it has stored {@code articles}, however slow the machine: among batches in flight. */
    private static Thread killAfter(Process server, Path storage, int articles) {
        Thread killer = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline && ServerProcess.query(storage, "SELECT count(*) FROM articles") < articles) {
                    Thread.sleep(10);
                }
                Thread.sleep(150);
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
            server.destroyForcibly();
        });
        killer.start();
        return killer;
    }

    private static long count(Path storage, List<String> guids) throws Exception {
        return ServerProcess.query(storage, "SELECT count(*) FROM articles WHERE guid IN ('" + String.join("','", guids) + "')");
    }

    private static Subscriber.Received awaitPushHolding(Subscriber subscriber, String text, Instant after) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Subscriber.Received post = subscriber.nextPost(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (post != null && post.at().isAfter(after) && post.text().contains(text)) {
                return post;
            }
        }
        return null;
    }
}
