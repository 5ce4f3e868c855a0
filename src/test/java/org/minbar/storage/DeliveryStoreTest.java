package org.minbar.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Covers the WebSub outbox in SQLite: coalescing to one untried delivery per subscription, leases, and the purge's cascade.
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
    void manyWritesQueueOneUntriedDeliveryPerSubscription() {
        try (Database database = Database.open(folder)) {
            database.write(c -> {
                subscriptions.upsert(c, FEED, "https://a.example/cb", null, NOW.plusSeconds(60), NOW);
                subscriptions.upsert(c, OTHER, "https://b.example/cb", "s", NOW.plusSeconds(60), NOW);
                return null;
            });
            assertEquals(1, database.<Integer>write(c -> deliveries.enqueue(c, List.of(FEED), NOW)));
            assertEquals(0, database.<Integer>write(c -> deliveries.enqueue(c, List.of(FEED), NOW.plusSeconds(1))), "joins the waiting one");
            assertEquals(1, database.<Integer>write(c -> deliveries.enqueue(c, List.of(FEED, OTHER), NOW.plusSeconds(2))));
            List<OutboxTable.Scheduled> upcoming = database.read(c -> table.upcoming(c, 10));
            assertEquals(2, upcoming.size());

            long first = upcoming.get(0).id();
            assertTrue(database.<Boolean>write(c -> table.begin(c, first, NOW.plusSeconds(2))));
            assertEquals(1, database.<Integer>write(c -> deliveries.enqueue(c, List.of(FEED), NOW.plusSeconds(3))),
                    "once an attempt has begun, a later write queues a fresh delivery");
            assertEquals(1, database.<Integer>read(c -> deliveries.find(c, first).orElseThrow().attempts()));

            database.write(c -> {
                table.retryAt(c, first, NOW.plusSeconds(60), "POST a.example answered 500");
                return null;
            });
            assertFalse(database.<Boolean>write(c -> table.begin(c, first, NOW.plusSeconds(4))), "not due until the back-off ends");
        }
    }

    @Test
    void anExpiredSubscriptionGetsNothingAndThePurgeTakesItsDeliveries() {
        try (Database database = Database.open(folder)) {
            database.write(c -> {
                subscriptions.upsert(c, FEED, "https://a.example/cb", null, NOW.plusSeconds(5), NOW);
                deliveries.enqueue(c, List.of(FEED), NOW);
                return null;
            });
            assertEquals(0, database.<Integer>write(c -> deliveries.enqueue(c, List.of(OTHER, FEED), NOW.plusSeconds(5))));
            assertEquals(1, database.<Integer>write(c -> subscriptions.purgeExpired(c, NOW.plusSeconds(5))));
            assertEquals(List.of(), database.read(c -> table.upcoming(c, 10)), "its pending delivery went with it");
        }
    }
}
