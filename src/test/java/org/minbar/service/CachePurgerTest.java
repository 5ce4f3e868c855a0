package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;
import org.minbar.model.FeedKey;
import org.minbar.storage.ChangeLog;
import org.minbar.storage.Database;

// Covers CachePurger against a real HTTP server standing in for Varnish: it purges what derivation
// has taken in, keeps its mark until every cache took a batch, and loses nothing across a restart.
@Tag(TestStores.BOTH)
class CachePurgerTest {

    @TempDir
    Path folder;

    private Database database;
    private HttpServer cache;
    /** PURGE requests the cache answers 503 before it answers 200. */
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<String> taken = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicLong derived = new AtomicLong();
    private final ChangeLog log = new ChangeLog();

    @BeforeEach
    void start() throws IOException {
        database = TestStores.open(folder);
        cache = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cache.createContext("/", exchange -> {
            boolean fail = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
            if (!exchange.getRequestMethod().equals("PURGE")) {
                exchange.sendResponseHeaders(405, -1);
            } else if (fail) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            } else {
                taken.add(exchange.getRequestHeaders().getFirst("xkey-purge"));
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        cache.start();
    }

    @AfterEach
    void stop() {
        cache.stop(0);
        database.close();
    }

    private CachePurger purger() {
        URI address = URI.create("http://127.0.0.1:" + cache.getAddress().getPort() + "/");
        return new CachePurger(database, derived::get, List.of(address), new CacheClient(), Duration.ofMillis(50),
                Duration.ofMillis(200));
    }

    private long append(long articleId, FeedKey... feeds) {
        return database.write(connection -> log.append(connection, articleId, ChangeLog.Kind.CREATED, Instant.EPOCH,
                List.of(feeds), Instant.EPOCH));
    }

    private long storedMark() {
        return database.read(connection -> log.mark(connection, CachePurger.FOLLOWER));
    }

    private Set<String> takenKeys() {
        Set<String> keys = new LinkedHashSet<>();
        synchronized (taken) {
            taken.forEach(header -> keys.addAll(List.of(header.split(" "))));
        }
        return keys;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void purgesTheFeedsAndArticleOfEachChangeOnlyOnceDerivationHasTakenItIn() throws InterruptedException {
        try (CachePurger purger = purger()) {
            purger.start();
            append(1, FeedKey.site(), FeedKey.category("sport"));
            long second = append(2, FeedKey.site(), FeedKey.author("nour"), FeedKey.tag("كأس"));
            Thread.sleep(200);
            assertEquals(List.of(), taken, "nothing is purged before its related stories and feeds are derived");
            derived.set(1);
            await(() -> purger.purgedUpTo() == 1, "the first change purged");
            assertEquals(1, taken.size());
            assertEquals(Set.of("site", "category:sport", "article:1"), Set.of(taken.get(0).split(" ")));
            derived.set(second);
            await(() -> purger.purgedUpTo() == second, "the second change purged");
            assertEquals(2, taken.size(), "one PURGE per batch");
            assertEquals(Set.of("site", "author:nour", "tag:%D9%83%D8%A3%D8%B3", "article:2"), Set.of(taken.get(1).split(" ")));
            assertEquals(second, storedMark());
            assertEquals(2, purger.purges());
            assertEquals(0, purger.failures());
        }
    }

    @Test
    void aCacheThatFailsIsAskedAgainForTheSameKeysAndTheMarkWaitsForIt() throws InterruptedException {
        failuresLeft.set(3);
        try (CachePurger purger = purger()) {
            long first = append(7, FeedKey.site(), FeedKey.category("economy"));
            derived.set(first);
            purger.start();
            await(() -> purger.failures() == 3, "three failed attempts");
            await(() -> purger.purgedUpTo() == first, "the purge taken at the fourth attempt");
            assertEquals(3, refused.get());
            assertEquals(1, taken.size());
            assertEquals(Set.of("site", "category:economy", "article:7"), Set.of(taken.get(0).split(" ")));
            assertEquals(first, storedMark());
        }
    }

    @Test
    void purgesNotTakenBeforeAStopAreSentAfterTheRestart() throws InterruptedException {
        failuresLeft.set(Integer.MAX_VALUE);
        try (CachePurger purger = purger()) {
            derived.set(append(3, FeedKey.site(), FeedKey.category("sport")));
            purger.start();
            await(() -> purger.failures() >= 2, "the cache refusing");
            assertEquals(0, purger.purgedUpTo());
        }
        assertEquals(0, storedMark(), "the mark never passed what the cache did not take");
        long second = append(4, FeedKey.site(), FeedKey.tag("cup"));
        derived.set(second);
        failuresLeft.set(0);
        try (CachePurger restarted = purger()) {
            restarted.start();
            await(() -> restarted.purgedUpTo() == second, "both changes purged after the restart");
        }
        assertEquals(Set.of("site", "category:sport", "article:3", "tag:cup", "article:4"), takenKeys());
        assertEquals(second, storedMark());
    }

    @Test
    void aStoreThatNeverPurgedStartsWhereDerivationIsAndPurgesNothingOlder() throws InterruptedException {
        append(1, FeedKey.site());
        long older = append(2, FeedKey.site());
        derived.set(older);
        try (CachePurger purger = purger()) {
            purger.start();
            assertEquals(older, storedMark());
            long next = append(3, FeedKey.category("sport"));
            derived.set(next);
            await(() -> purger.purgedUpTo() == next, "the new change purged");
            assertEquals(List.of("category:sport article:3"), taken);
        }
    }

    @Test
    void manyKeysAreSentInSeveralPurgesEachUnderTheHeaderLimit() {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add("article:" + (1_000_000 + i));
        }
        List<List<String>> groups = CachePurger.groups(keys);
        assertTrue(groups.size() > 1, "one header would be too long");
        groups.forEach(group -> assertTrue(String.join(" ", group).length() <= CachePurger.MOST_HEADER_CHARS));
        assertEquals(List.copyOf(keys), groups.stream().flatMap(List::stream).toList(), "every key once, in order");
    }
}
