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

    /** A delivery with what sending it needs; the secret is absent when the subscriber gave none. */
    public record Pending(long id, int attempts, String topic, String callback, Optional<String> secret, Instant expires) {}

    /**
     * Queues a delivery for every active subscription to these topics that has none waiting to be
     * tried yet; returns how many were queued.
     */
    public int enqueue(Connection connection, Collection<String> topics, Instant now) throws SQLException {
        if (topics.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO websub_deliveries (subscription_id, attempts, next_attempt_at, created_at)"
                        + " SELECT id, 0, ?, ? FROM websub_subscriptions WHERE expires_at > ? AND topic IN ("
                        + Jdbc.placeholders(topics) + ")")) {
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
                "SELECT d.id, d.attempts, s.topic, s.callback, s.secret, s.expires_at FROM websub_deliveries d"
                        + " JOIN websub_subscriptions s ON s.id = d.subscription_id WHERE d.id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Pending(rows.getLong("id"), rows.getInt("attempts"),
                        rows.getString("topic"), rows.getString("callback"), Jdbc.optionalString(rows, "secret"),
                        Jdbc.instant(rows, "expires_at"))) : Optional.empty();
            }
        }
    }
}
