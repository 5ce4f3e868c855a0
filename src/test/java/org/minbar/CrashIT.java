package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.related.ArticleIndex;
import org.minbar.support.Articles;
import org.minbar.support.ServerProcess;
import org.minbar.support.TestServer;

/**
 * A server process killed (SIGKILL) in the middle of a stream of writes, then started again on the
 * same storage: every acknowledged article is there, and the search index matches the database.
 */
class CrashIT {

    @TempDir
    Path temp;

    @Test
    void killingTheServerMidWriteLeavesTheIndexConsistentAfterRestart() throws Exception {
        Path storage = temp.resolve("storage");
        Process server = ServerProcess.start(storage, temp);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        CountDownLatch warmedUp = new CountDownLatch(5);
        try {
            String base = ServerProcess.baseUrl(server);
            HttpClient client = HttpClient.newHttpClient();
            // The kill comes a moment after the fifth acknowledged write, however slow the machine is,
            // so it lands among writes in flight rather than before the first one.
            Thread killer = new Thread(() -> {
                try {
                    warmedUp.await(60, TimeUnit.SECONDS);
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                server.destroyForcibly();
            });
            killer.start();
            for (int i = 0; i < 10_000 && server.isAlive(); i++) {
                String guid = "urn:test:crash-" + i;
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
                            .header("Authorization", "Bearer " + TestServer.TOKEN).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(Articles.brief(guid, "خبر عاجل رقم " + i + " عن إدلب",
                                    "سوريا", "نور الدين", "2024-05-01T10:00:00Z"))).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        acknowledged.add(guid);
                        warmedUp.countDown();
                    }
                } catch (java.io.IOException e) {
                    break; // the server died under us
                }
            }
            killer.join();
        } finally {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(acknowledged.size() > 3, "writes went through before the kill: " + acknowledged.size());

        try (TestServer restarted = TestServer.start(storage)) {
            for (String guid : List.of(acknowledged.get(0), acknowledged.get(acknowledged.size() - 1))) {
                assertEquals(200, restarted.get("/api/articles/" + (acknowledged.indexOf(guid) + 1)).statusCode(), guid);
            }
            var found = new com.fasterxml.jackson.databind.ObjectMapper().readTree(restarted.get("/api/search?q="
                    + URLEncoder.encode("عاجل", StandardCharsets.UTF_8)).body()).get("results");
            assertTrue(found.size() > 0);
            long live = ServerProcess.query(storage, "SELECT count(*) FROM articles WHERE deleted_at IS NULL");
            assertTrue(live >= acknowledged.size(), "every acknowledged write survived: " + live + " >= " + acknowledged.size());
        }
        long live = ServerProcess.query(storage, "SELECT count(*) FROM articles WHERE deleted_at IS NULL");
        try (ArticleIndex index = ArticleIndex.open(storage.resolve(App.INDEX_FOLDER))) {
            assertEquals(live, index.count(), "after the restart the index holds exactly the live articles");
        }
    }


}
