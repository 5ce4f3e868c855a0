package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.related.ArticleIndex;
import org.minbar.storage.Database;
import org.minbar.storage.SqliteDatabase;
import org.minbar.support.Articles;
import org.minbar.support.ServerProcess;
import org.minbar.support.TestServer;

/**
 * A server process killed (SIGKILL) right after acknowledging a large batch, while it is still
 * deriving (indexing, relating, queuing pushes), then started again: every acknowledged article
 * is stored, and once the restarted server has followed the log, every one is in the search index
 * with its related stories and the follower's mark is at the end of the log. (Pushes are queued in
 * the transaction that moves the mark; WebSubIT shows queued deliveries outliving a restart.)
 */
class CrashDuringDerivationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCHES = 3;
    private static final int PER_BATCH = 300;

    @TempDir
    Path temp;

    @Test
    void killingTheServerWhileItDerivesLosesNothingAcknowledgedAndDerivesItAfterTheRestart() throws Exception {
        Path storage = temp.resolve("storage");
        Process server = ServerProcess.start(storage, temp);
        List<Long> acknowledged = new ArrayList<>();
        try {
            String base = ServerProcess.baseUrl(server);
            HttpClient client = HttpClient.newHttpClient();
            for (int b = 0; b < BATCHES; b++) {
                StringBuilder body = new StringBuilder();
                for (int i = 0; i < PER_BATCH; i++) {
                    int n = b * PER_BATCH + i;
                    body.append(Articles.brief("urn:test:crash-" + n, "خبر عاجل رقم " + n + " عن قصف في ريف إدلب " + (n % 7),
                            "سوريا", "نور الدين", "2024-05-01T10:00:00Z").replace("\n", " ")).append('\n');
                }
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/articles/batch"))
                        .header("Authorization", "Bearer " + TestServer.TOKEN).header("Content-Type", "application/x-ndjson")
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                for (String line : response.body().split("\n")) {
                    JsonNode answer = JSON.readTree(line);
                    assertEquals(201, answer.get("status").asInt(), line);
                    acknowledged.add(answer.get("id").asLong());
                }
            }
            // Derivation of 900 articles takes longer than this: the kill lands while it is under way.
            assertTrue(ServerProcess.query(storage, "SELECT coalesce((SELECT seq FROM change_marks WHERE follower = 'derived'), 0)") < ServerProcess.query(storage, "SELECT max(seq) FROM changes"), "the kill comes before derivation caught up");
        } finally {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(BATCHES * PER_BATCH, acknowledged.size());

        try (TestServer restarted = TestServer.start(storage)) { // returns once the log is derived
            for (long id : List.of(acknowledged.get(0), acknowledged.get(acknowledged.size() - 1))) {
                assertEquals(200, restarted.get("/api/articles/" + id).statusCode());
            }
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + storage.resolve(SqliteDatabase.FILE_NAME))) {
            assertEquals(acknowledged.size(), count(db, "SELECT count(*) FROM articles WHERE deleted_at IS NULL"),
                    "every acknowledged article is stored");
            assertEquals(0, count(db, "SELECT count(*) FROM articles WHERE related_at IS NULL"),
                    "every article has its related stories");
            assertEquals(count(db, "SELECT max(seq) FROM changes"), count(db, "SELECT seq FROM change_marks WHERE follower = 'derived'"));
        }
        try (ArticleIndex index = ArticleIndex.open(storage.resolve(App.INDEX_FOLDER))) {
            assertEquals(acknowledged.size(), index.count(), "the index holds exactly the live articles");
        }
    }



    private static long count(Connection db, String sql) throws Exception {
        try (var rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
