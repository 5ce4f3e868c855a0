package org.minbar.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;

// Covers the WebSub outbox in SQLite: one row per subscription whose generation counts later writes, back-off, leases, and the purge's cascade.
@Tag(TestStores.BOTH)
class DeliveryStoreTest {

    private static final String FEED = "https://news.example/feed/";
    private static final String OTHER = "https://news.example/feed/atom/";
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path folder;

    private final SubscriptionStore subscriptions = new SubscriptionStore();
    private final DeliveryStore deliveries = new DeliveryStore();
    private final OutboxTable table = OutboxTable.deliveries();

    @Test
    void manyWritesKeepOneRowPerSubscriptionAndCountAsItsGeneration() {
        try (Database database = TestStores.open(folder)) {
            database.write(c -> {
                subscriptions.upsert(c, FEED, "https://a.example/cb", null, NOW.plusSeconds(60), NOW);
                subscriptions.upsert(c, OTHER, "https://b.example/cb", "s", NOW.plusSeconds(60), NOW);
                return null;
            });
            assertEquals(1, database.<Integer>write(c -> deliveries.enqueue(c, List.of(FEED), NOW)));
            assertEquals(1, database.<Integer>write(c -> deliveries.enqueue(c, List.of(FEED), NOW.plusSeconds(1))), "bumps the waiting one");
            assertEquals(2, database.<Integer>write(c -> deliveries.enqueue(c, List.of(FEED, OTHER), NOW.plusSeconds(2))));
            List<OutboxTable.Scheduled> upcoming = database.read(c -> table.upcoming(c, 10, List.of()));
            assertEquals(2, upcoming.size(), "one row a subscription");
            assertEquals(NOW, upcoming.get(0).at(), "still due when it was first queued");

            long first = upcoming.get(0).id();
            assertTrue(database.<Boolean>write(c -> table.begin(c, first, NOW.plusSeconds(2))));
            DeliveryStore.Pending sending = database.read(c -> deliveries.find(c, first)).orElseThrow();
            assertEquals(2, sending.generation());
            assertEquals(1, sending.attempts());
            database.write(c -> deliveries.enqueue(c, List.of(FEED), NOW.plusSeconds(3))); // a write during the attempt
            assertEquals(2, database.read(c -> table.upcoming(c, 10, List.of())).size(), "no second row while one is being sent");

            database.write(c -> {
                table.sent(c, first, sending.generation(), NOW.plusSeconds(4));
                return null;
            });
            DeliveryStore.Pending again = database.read(c -> deliveries.find(c, first)).orElseThrow(
                    () -> new AssertionError("the write during the attempt is still to be sent"));
            assertEquals(0, again.attempts());
            assertTrue(database.<Boolean>write(c -> table.begin(c, first, NOW.plusSeconds(4))), "due again at once");
            database.write(c -> {
                table.sent(c, first, again.generation(), NOW.plusSeconds(5));
                return null;
            });
            assertTrue(database.read(c -> deliveries.find(c, first)).isEmpty(), "sent with nothing newer: done");
        }
    }

    @Test
    void aWriteDuringTheBackOffDoesNotBringTheRetryForward() {
        try (Database database = TestStores.open(folder)) {
            database.write(c -> {
                subscriptions.upsert(c, FEED, "https://a.example/cb", null, NOW.plusSeconds(600), NOW);
                return deliveries.enqueue(c, List.of(FEED), NOW);
            });
            long id = database.read(c -> table.upcoming(c, 1, List.of())).get(0).id();
            assertTrue(database.<Boolean>write(c -> table.begin(c, id, NOW)));
            database.write(c -> {
                table.retryAt(c, id, NOW.plusSeconds(60), "POST a.example answered 500");
                return null;
            });
            database.write(c -> deliveries.enqueue(c, List.of(FEED), NOW.plusSeconds(1)));
            assertFalse(database.<Boolean>write(c -> table.begin(c, id, NOW.plusSeconds(2))), "not due until the back-off ends");
            assertEquals(List.of(new OutboxTable.Scheduled(id, NOW.plusSeconds(60), "a.example")), database.read(c -> table.upcoming(c, 10, List.of())));
            assertTrue(database.<Boolean>write(c -> table.begin(c, id, NOW.plusSeconds(60))));
            assertEquals(2, database.read(c -> deliveries.find(c, id)).orElseThrow().attempts(), "the failures so far");
        }
    }

    @Test
    void anExpiredSubscriptionGetsNothingAndThePurgeTakesItsDeliveries() {
        try (Database database = TestStores.open(folder)) {
            database.write(c -> {
                subscriptions.upsert(c, FEED, "https://a.example/cb", null, NOW.plusSeconds(5), NOW);
                deliveries.enqueue(c, List.of(FEED), NOW);
                return null;
            });
            assertEquals(0, database.<Integer>write(c -> deliveries.enqueue(c, List.of(OTHER, FEED), NOW.plusSeconds(5))));
            assertEquals(1, database.<Integer>write(c -> subscriptions.purgeExpired(c, NOW.plusSeconds(5))));
            assertEquals(List.of(), database.read(c -> table.upcoming(c, 10, List.of())), "its pending delivery went with it");
        }
    }

    @Test
    void rowsOfFullLanesAreLeftOutOfTheUpcomingOnes() {
        try (Database database = TestStores.open(folder)) {
            database.write(c -> {
                for (int i = 0; i < 5; i++) {
                    subscriptions.upsert(c, FEED, "https://stalled.example:8443/cb/" + i, null, NOW.plusSeconds(600), NOW);
                }
                subscriptions.upsert(c, FEED, "https://live.example/cb", null, NOW.plusSeconds(600), NOW.plusSeconds(1));
                return deliveries.enqueue(c, List.of(FEED), NOW);
            });
            List<OutboxTable.Scheduled> all = database.read(c -> table.upcoming(c, 10, List.of()));
            assertEquals(6, all.size());
            assertEquals(5, all.stream().filter(row -> row.lane().equals("stalled.example:8443")).count());
            List<OutboxTable.Scheduled> others = database.read(c -> table.upcoming(c, 3, List.of("stalled.example:8443")));
            assertEquals(List.of("live.example"), others.stream().map(OutboxTable.Scheduled::lane).toList());
            assertEquals("stalled.example:8443", SubscriptionStore.laneOf("HTTPS://Stalled.Example:8443/cb?x=1"));
        }
    }
}
