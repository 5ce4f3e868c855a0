package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Pending WebSub content deliveries: queued for a topic's active subscribers, read with their subscription. */
public final class DeliveryStore {

    /**
     * A delivery with what sending it needs; the secret is absent when the subscriber gave none. The
     * generation is the row's count of writes that came after it was queued; delivered is when the
     * content of the subscription's last successful delivery was read, if there was one.
     */
    public record Pending(long id, int attempts, long generation, long subscriptionId, String topic, String callback,
                          Optional<String> secret, Instant expires, Instant subscribed, Optional<Instant> delivered) {}

    /**
     * Queues a delivery for every active subscription to these topics, or, for one that has a
     * delivery pending already (waiting, being sent or backing off), bumps that row's generation so
     * the change is sent too; returns how many subscriptions were queued or bumped.
     */
    public int enqueue(Connection connection, Collection<String> topics, Instant now) throws SQLException {
        if (topics.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO websub_deliveries (subscription_id, attempts, next_attempt_at, created_at)"
                        + " SELECT id, 0, ?, ? FROM websub_subscriptions WHERE expires_at > ? AND topic IN ("
                        + Jdbc.placeholders(topics) + ")"
                        + " ON CONFLICT (subscription_id) DO UPDATE SET generation = websub_deliveries.generation + 1")) {
            insert.setLong(1, now.toEpochMilli());
            insert.setLong(2, now.toEpochMilli());
            insert.setLong(3, now.toEpochMilli());
            int index = 4;
            for (String topic : topics) {
                insert.setString(index++, topic);
            }
            return insert.executeUpdate();
        }
    }

    public Optional<Pending> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT d.id, d.attempts, d.generation, s.id AS subscription_id, s.topic, s.callback, s.secret, s.expires_at,"
                        + " s.created_at, s.delivered_at FROM websub_deliveries d"
                        + " JOIN websub_subscriptions s ON s.id = d.subscription_id WHERE d.id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Pending(rows.getLong("id"), rows.getInt("attempts"),
                        rows.getLong("generation"), rows.getLong("subscription_id"), rows.getString("topic"),
                        rows.getString("callback"), Jdbc.optionalString(rows, "secret"), Jdbc.instant(rows, "expires_at"),
                        Jdbc.instant(rows, "created_at"), Jdbc.optionalInstant(rows, "delivered_at"))) : Optional.empty();
            }
        }
    }
}
