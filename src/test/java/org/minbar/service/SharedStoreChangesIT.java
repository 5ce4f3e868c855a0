package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.minbar.model.FeedKey;
import org.minbar.storage.ChangeLog;
import org.minbar.storage.Database;
import org.minbar.storage.PostgresDatabase;
import org.minbar.support.Postgres;

// Covers ExternalChanges on a PostgreSQL database two nodes share (a real server, two pools as two
// nodes): another node's change wakes the follower within a fraction of a second, and lists another
// node computed again outside the log drop this node's rendered feeds once, waking no follower, while its own
// lists (after which it dropped its feeds itself) drop nothing more.
class SharedStoreChangesIT {

    private static final long WAIT_MILLIS = 2_000;

    @Test
    void anotherNodesChangeWakesThisNodesFollowerWithinAFractionOfASecond() throws Exception {
        AtomicInteger woken = new AtomicInteger();
        String url = Postgres.shared().createDatabase();
        try (Database node = PostgresDatabase.open(url, Optional.empty(), Optional.empty());
             Database other = PostgresDatabase.open(url, Optional.empty(), Optional.empty())) {
            ExternalChanges watch = new ExternalChanges(node, woken::incrementAndGet, () -> { }, () -> 0);
            long millis;
            try {
                long written = System.nanoTime();
                other.write(connection -> new ChangeLog().append(connection, 1, ChangeLog.Kind.CREATED, Instant.now(),
                        List.of(FeedKey.site()), Instant.now()));
                while (woken.get() == 0 && System.nanoTime() - written < WAIT_MILLIS * 1_000_000L) {
                    Thread.sleep(5);
                }
                millis = (System.nanoTime() - written) / 1_000_000;
                Thread.sleep(500);
            } finally {
                watch.close();
            }
            System.out.println("SharedStoreChangesIT: another node's change noticed after " + millis + " ms");
            assertEquals(1, woken.get(), "noticed once");
            assertTrue(millis < 1_000, "noticed within a second: " + millis + " ms");
        }
    }

    @Test
    void listsAnotherNodeStoredDropThisNodesFeedsOnceAndWakeNoFollower() throws Exception {
        AtomicInteger woken = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        String url = Postgres.shared().createDatabase();
        try (Database node = PostgresDatabase.open(url, Optional.empty(), Optional.empty());
             Database other = PostgresDatabase.open(url, Optional.empty(), Optional.empty())) {
            java.util.concurrent.atomic.AtomicLong storedHere = new java.util.concurrent.atomic.AtomicLong();
            ExternalChanges watch = new ExternalChanges(node, woken::incrementAndGet, dropped::incrementAndGet, storedHere::get);
            try {
                // another node computed stale lists again: the log stays
                other.write(connection -> new ChangeLog().listsStored(connection));
                long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
                while (dropped.get() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(WAIT_MILLIS);
                assertEquals(1, dropped.get(), "rendered feeds dropped once, so they show the new lists");

                // this node stored lists, and dropped its feeds itself after its commit: not news
                storedHere.set(node.write(connection -> new ChangeLog().listsStored(connection)));
                Thread.sleep(WAIT_MILLIS);
            } finally {
                watch.close();
            }
            assertEquals(1, dropped.get(), "this node's own lists dropped nothing more");
            assertEquals(0, woken.get(), "the log did not move: nothing to derive");
        }
    }
}
