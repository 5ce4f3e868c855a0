package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import picocli.CommandLine;

/**
 * Online backups and restores against a real server: copies taken over HTTP and from the command
 * line while publishers write are whole SQLite stores, and a store restored from one serves the
 * same feeds as the server it was taken from.
 */
class BackupIT {

    @TempDir
    Path temp;

    @Test
    void backupsTakenWhilePublishingAreWholeAndARestoredStoreServesTheSameFeeds() throws Exception {
        Path storage = temp.resolve("storage");
        List<String> served;
        Path copy = temp.resolve("copies/minbar-copy.db");
        Files.createDirectories(copy.getParent());
        try (TestServer server = TestServer.withSeeds(storage)) {
            AtomicBoolean publishing = new AtomicBoolean(true);
            AtomicInteger stored = new AtomicInteger();
            Thread publisher = new Thread(() -> {
                for (int i = 0; publishing.get(); i++) {
                    HttpResponse<byte[]> answer = server.send(server.request("/api/articles", "Authorization",
                            "Bearer " + TestServer.TOKEN, "Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            Articles.brief("urn:test:backup:" + i, "خبر أثناء النسخ الاحتياطي " + i, "نسخ", "محرر",
                                    "2020-03-01T10:00:00Z"), StandardCharsets.UTF_8)).build());
                    if (answer.statusCode() == 201) {
                        stored.incrementAndGet();
                    }
                }
            });
            publisher.start();
            while (stored.get() < 5) {
                Thread.sleep(10);
            }

            HttpResponse<byte[]> refused = server.send(server.request("/api/backup").POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(401, refused.statusCode(), "a backup holds every subscriber's secret: it needs the token");
            HttpResponse<byte[]> online = server.send(server.request("/api/backup", "Authorization", "Bearer " + TestServer.TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, online.statusCode(), TestServer.text(online));
            assertEquals("application/vnd.sqlite3", online.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(online.headers().firstValue("Content-Disposition").orElseThrow().matches("attachment; filename=\"minbar-backup-\\d{8}-\\d{6}\\.db\""));
            Path downloaded = temp.resolve("downloaded.db");
            Files.write(downloaded, online.body());
            assertEquals("ok", query(downloaded, "PRAGMA integrity_check"));
            assertTrue(Long.parseLong(query(downloaded, "SELECT count(*) FROM articles")) >= 9 + 5);
            try (var leftovers = Files.list(storage)) {
                assertTrue(leftovers.noneMatch(file -> file.getFileName().toString().contains("backup")), "the copy sent is deleted");
            }

            publishing.set(false);
            publisher.join();
            server.derived(null);
            assertEquals(0, run("backup", "--storage", storage.toString(), "--to", copy.toString()));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
            assertEquals(1, run("backup", "--storage", storage.toString(), "--to", copy.toString()), "never overwrites");
            assertEquals(String.valueOf(9 + stored.get()), query(copy, "SELECT count(*) FROM articles WHERE deleted_at IS NULL"));
            assertEquals(1, run("restore", "--storage", storage.toString(), "--from", copy.toString()),
                    "a restore under a running server is refused");
            served = guids(server.get("/feed/").body());
        }

        Path restoredStorage = temp.resolve("restored");
        assertEquals(0, run("restore", "--storage", restoredStorage.toString(), "--from", copy.toString()));
        try (TestServer restored = TestServer.start(restoredStorage)) {
            restored.derived(null);
            assertEquals(served, guids(restored.get("/feed/").body()));
        }
        // Over an existing store: the one it replaces is kept beside it.
        assertEquals(0, run("restore", "--storage", storage.toString(), "--from", copy.toString()));
        try (var kept = Files.list(storage)) {
            assertTrue(kept.anyMatch(file -> file.getFileName().toString().startsWith("minbar.db.before-restore-")));
        }
        Path notAStore = temp.resolve("not-a-store.db");
        Files.writeString(notAStore, "hello");
        assertEquals(1, run("restore", "--storage", temp.resolve("other").toString(), "--from", notAStore.toString()));
    }

    private static List<String> guids(byte[] rss) {
        return Xml.all(Xml.parse(rss), null, "guid").stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static String query(Path database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int run(String... args) {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(new StringWriter()));
        return command.execute(args);
    }
}
