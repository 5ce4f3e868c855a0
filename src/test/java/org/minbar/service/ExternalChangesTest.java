package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;
import org.minbar.model.FeedKey;
import org.minbar.storage.ChangeLog;
import org.minbar.storage.Database;

// Which commits to the file wake the change-log follower: an article logged by another process does;
// commits that log no article (statistics, deliveries) do not, so they never make cached feeds render again.
@Tag(TestStores.BOTH)
class ExternalChangesTest {

    private static final long WAIT_MILLIS = ExternalChanges.INTERVAL_MILLIS * 4L;

    @TempDir
    Path folder;

    @Test
    void aCommitThatLogsNoArticleWakesNothing() throws Exception {
        AtomicInteger woken = new AtomicInteger();
        try (Database server = TestStores.open(folder); Database other = TestStores.open(folder)) {
            ExternalChanges watch = new ExternalChanges(server, woken::incrementAndGet);
            try {
                for (int day = 0; day < 3; day++) {
                    String row = "('/feed/', " + day + ", 1, 0)";
                    other.write(connection -> {
                        try (var statement = connection.createStatement()) {
                            statement.executeUpdate("INSERT INTO stats_feed_days (feed, day, polls, not_modified) VALUES " + row);
                        }
                        return null;
                    });
                    Thread.sleep(ExternalChanges.INTERVAL_MILLIS);
                }
                Thread.sleep(WAIT_MILLIS);
            } finally {
                watch.close();
            }
            assertEquals(0, woken.get(), "statistics moved SQLite's data_version but logged no article");
        }
    }

    @Test
    void anArticleLoggedByAnotherProcessWakesTheFollowerOnce() throws Exception {
        AtomicInteger woken = new AtomicInteger();
        try (Database server = TestStores.open(folder); Database other = TestStores.open(folder)) {
            ExternalChanges watch = new ExternalChanges(server, woken::incrementAndGet);
            try {
                other.write(connection -> new ChangeLog().append(connection, 1, ChangeLog.Kind.CREATED, Instant.now(),
                        List.of(FeedKey.site()), Instant.now()));
                long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
                while (woken.get() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(woken.get() > 0, "the import's article was noticed");
                Thread.sleep(WAIT_MILLIS);
            } finally {
                watch.close();
            }
            assertEquals(1, woken.get(), "and noticed once: the log did not move again");
        }
    }
}
