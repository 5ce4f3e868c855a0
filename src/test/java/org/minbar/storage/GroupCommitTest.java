package org.minbar.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Covers the writer: many writers share transactions, and a failing write leaves nothing while the others commit.
class GroupCommitTest {

    @TempDir
    Path folder;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(folder);
        database.write(c -> {
            try (Statement statement = c.createStatement()) {
                statement.executeUpdate("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)");
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long count() {
        return database.read(c -> Long.parseLong(DatabaseTest.query(c, "SELECT count(*) FROM notes")));
    }

    private void insert(java.sql.Connection c, String text) throws java.sql.SQLException {
        try (var insert = c.prepareStatement("INSERT INTO notes (text) VALUES (?)")) {
            insert.setString(1, text);
            insert.executeUpdate();
        }
    }

    @Test
    void concurrentWritesShareTransactionsAndEachIsCommittedWhenItReturns() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(16);
        try {
            // The first write holds the writer until 15 more are queued behind it: they then go in one transaction.
            Future<?> first = writers.submit(() -> database.write(c -> {
                awaitQuietly(hold);
                insert(c, "first");
                return null;
            }));
            List<Future<Long>> rest = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                String text = "note " + i;
                rest.add(writers.submit(() -> {
                    database.write(c -> {
                        insert(c, text);
                        return null;
                    });
                    return database.read(c -> Long.parseLong(DatabaseTest.query(c,
                            "SELECT count(*) FROM notes WHERE text = '" + text + "'")));
                }));
            }
            Thread.sleep(300);
            hold.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<Long> write : rest) {
                assertEquals(1, write.get(10, TimeUnit.SECONDS), "visible to a reader once the write returned");
            }
        } finally {
            writers.shutdownNow();
        }
        assertEquals(16, count());
    }

    @Test
    void aFailingWriteInAGroupLeavesNothingAndTheOthersCommit() throws Exception {
        database.write(c -> {
            insert(c, "existing");
            return null;
        });
        CountDownLatch hold = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = writers.submit(() -> database.write(c -> {
                awaitQuietly(hold);
                insert(c, "kept 1");
                return null;
            }));
            Future<?> failing = writers.submit(() -> database.write(c -> {
                insert(c, "half of a write");
                insert(c, "existing"); // UNIQUE: this write fails after its first insert
                return null;
            }));
            Future<?> last = writers.submit(() -> database.write(c -> {
                insert(c, "kept 2");
                return null;
            }));
            Thread.sleep(300);
            hold.countDown();
            first.get(10, TimeUnit.SECONDS);
            last.get(10, TimeUnit.SECONDS);
            java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> failing.get(10, TimeUnit.SECONDS));
            assertTrue(failed.getCause().getMessage().contains("UNIQUE"), failed.getCause().getMessage());
        } finally {
            writers.shutdownNow();
        }
        assertEquals("existing,kept 1,kept 2", database.read(c -> DatabaseTest.query(c, "SELECT group_concat(text, ',') FROM"
                + " (SELECT text FROM notes ORDER BY text)")));
    }

    @Test
    void whenTheCommitItselfFailsEveryWriteOfTheGroupFailsNothingIsStoredAndTheWriterGoesOn() throws Exception {
        database.write(c -> {
            try (Statement statement = c.createStatement()) {
                // Checked at COMMIT, not by the statement: the one way to make SQLite refuse a commit here.
                statement.executeUpdate("CREATE TABLE pointers (note_id INTEGER NOT NULL"
                        + " REFERENCES notes (id) DEFERRABLE INITIALLY DEFERRED)");
            }
            return null;
        });
        CountDownLatch hold = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try {
            Future<?> blocker = writers.submit(() -> database.write(c -> {
                awaitQuietly(hold); // the next two queue up behind it and share the next group
                return null;
            }));
            Thread.sleep(100);
            Future<?> innocent = writers.submit(() -> database.write(c -> {
                insert(c, "innocent");
                return null;
            }));
            Future<?> dangling = writers.submit(() -> database.write(c -> {
                c.createStatement().executeUpdate("INSERT INTO pointers (note_id) VALUES (999)");
                return null;
            }));
            Thread.sleep(300);
            hold.countDown();
            blocker.get(10, TimeUnit.SECONDS);
            for (Future<?> write : List.of(innocent, dangling)) {
                java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> write.get(10, TimeUnit.SECONDS));
                assertTrue(failed.getCause() instanceof StorageException, failed.getCause().toString());
                assertTrue(failed.getCause().getMessage().contains("FOREIGN KEY"), failed.getCause().getMessage());
            }
        } finally {
            writers.shutdownNow();
        }
        assertEquals(0, count(), "nothing of the failed group is stored");
        database.write(c -> {
            insert(c, "after");
            return null;
        });
        assertEquals(1, count(), "the next write commits as usual");
    }

    @Test
    void aWriteInsideAWriteJoinsIt() {
        database.write(c -> {
            insert(c, "outer");
            database.write(inner -> {
                insert(inner, "inner");
                return null;
            });
            return null;
        });
        assertEquals(2, count());
    }

    @Test
    void aRuntimeFailureIsThrownToItsCallerAsItIs() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> database.write(c -> {
            insert(c, "dropped");
            throw new IllegalStateException("the caller's own reason");
        }));
        assertEquals("the caller's own reason", thrown.getMessage());
        assertEquals(0, count());
    }
}
