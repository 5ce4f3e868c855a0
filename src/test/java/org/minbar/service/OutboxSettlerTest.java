package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;
import org.minbar.storage.Database;

// Covers OutboxSettler: outcomes settled from many threads are all written, each released once after its write, and a failed batch still releases its rows.
@Tag(TestStores.BOTH)
class OutboxSettlerTest {

    @TempDir
    Path folder;

    @Test
    void everySettlementFromManyThreadsIsWrittenAndReleasedOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        ExecutorService writer = Executors.newFixedThreadPool(2);
        try (Database database = TestStores.open(folder)) {
            database.write(c -> execute(c.createStatement(), "CREATE TABLE settled (id INTEGER PRIMARY KEY)"));
            OutboxSettler settler = new OutboxSettler(database, writer);
            int count = 2_000;
            CountDownLatch released = new CountDownLatch(count);
            AtomicInteger releasedBeforeWritten = new AtomicInteger();
            for (int i = 0; i < count; i++) {
                long id = i;
                threads.execute(() -> settler.settle(new OutboxSettler.Settlement(connection -> {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO settled (id) VALUES (?)")) {
                        insert.setLong(1, id);
                        insert.executeUpdate();
                    }
                }, () -> {
                    if (!written(database, id)) {
                        releasedBeforeWritten.incrementAndGet();
                    }
                    released.countDown();
                })));
            }
            assertTrue(released.await(60, TimeUnit.SECONDS), released.getCount() + " never released");
            assertEquals(0, releasedBeforeWritten.get(), "a row is released only once its outcome is stored");
            assertEquals(count, database.<Long>read(c -> count(c, "SELECT count(*) FROM settled")));
        } finally {
            threads.shutdownNow();
            writer.shutdownNow();
        }
    }

    @Test
    void aBatchThatCannotBeWrittenStillReleasesItsRowsAndTheNextOneIsWritten() throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Database database = TestStores.open(folder)) {
            database.write(c -> execute(c.createStatement(), "CREATE TABLE settled (id INTEGER PRIMARY KEY)"));
            OutboxSettler settler = new OutboxSettler(database, writer);
            CountDownLatch released = new CountDownLatch(1);
            settler.settle(new OutboxSettler.Settlement(connection -> execute(connection.createStatement(),
                    "INSERT INTO no_such_table VALUES (1)"), released::countDown));
            assertTrue(released.await(10, TimeUnit.SECONDS), "released although its write failed");

            CountDownLatch next = new CountDownLatch(1);
            settler.settle(new OutboxSettler.Settlement(connection -> execute(connection.createStatement(),
                    "INSERT INTO settled VALUES (7)"), next::countDown));
            assertTrue(next.await(10, TimeUnit.SECONDS));
            assertTrue(written(database, 7), "the settler goes on after a failed batch");
        } finally {
            writer.shutdownNow();
        }
    }

    private static Void execute(Statement statement, String sql) throws SQLException {
        try (statement) {
            statement.executeUpdate(sql);
        }
        return null;
    }

    private static boolean written(Database database, long id) {
        return database.<Long>read(c -> count(c, "SELECT count(*) FROM settled WHERE id = " + id)) == 1;
    }

    private static long count(java.sql.Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
