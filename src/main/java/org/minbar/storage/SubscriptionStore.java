package org.minbar.storage;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.minbar.model.WebSubLease;

/** Verified WebSub subscriptions: one row per topic and callback, with its secret and lease expiry. */
public final class SubscriptionStore {

    /** Adds the subscription, or renews its lease and replaces its secret when it already exists. */
    public void upsert(Connection connection, String topic, String callback, String secret, Instant expires, Instant now)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO websub_subscriptions (topic, callback, secret, expires_at, created_at, renewed_at, lane)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (topic, callback) DO UPDATE SET secret = excluded.secret,"
                        + " expires_at = excluded.expires_at, renewed_at = excluded.renewed_at")) {
            upsert.setString(1, topic);
            upsert.setString(2, callback);
            upsert.setString(3, secret);
            upsert.setLong(4, expires.toEpochMilli());
            upsert.setLong(5, now.toEpochMilli());
            upsert.setLong(6, now.toEpochMilli());
            upsert.setString(7, laneOf(callback));
            upsert.executeUpdate();
        }
    }

    /** Removes the subscription and, with it, its pending deliveries; false when there was none. */
    public boolean delete(Connection connection, String topic, String callback) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM websub_subscriptions WHERE topic = ? AND callback = ?")) {
            delete.setString(1, topic);
            delete.setString(2, callback);
            return delete.executeUpdate() > 0;
        }
    }

    /**
     * The subscriptions to {@code from} are to {@code to} from now on (a feed's address changed); a
     * callback subscribed to both keeps its subscription to {@code to}.
     */
    public void retopic(Connection connection, String from, String to) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE websub_subscriptions SET topic = ? WHERE topic = ? AND NOT EXISTS (SELECT 1 FROM websub_subscriptions o"
                        + " WHERE o.topic = ? AND o.callback = websub_subscriptions.callback)")) {
            update.setString(1, to);
            update.setString(2, from);
            update.setString(3, to);
            update.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM websub_subscriptions WHERE topic = ?")) {
            delete.setString(1, from);
            delete.executeUpdate();
        }
    }

    /** Whether this callback holds a lease on this topic that has not yet run out. */
    public boolean isActive(Connection connection, String topic, String callback, Instant now) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM websub_subscriptions WHERE topic = ? AND callback = ? AND expires_at > ?")) {
            query.setString(1, topic);
            query.setString(2, callback);
            query.setLong(3, now.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The subscriptions whose lease has not run out, by topic, at most {@code limit}. */
    public List<WebSubLease> leases(Connection connection, Instant now, int limit) throws SQLException {
        List<WebSubLease> leases = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT s.topic, s.lane, s.expires_at, s.delivered_at,"
                        + " (SELECT d.last_error FROM websub_deliveries d WHERE d.subscription_id = s.id"
                        + " AND d.last_error IS NOT NULL ORDER BY d.attempts DESC LIMIT 1) AS retrying"
                        + " FROM websub_subscriptions s WHERE s.expires_at > ? ORDER BY s.topic, s.lane LIMIT ?")) {
            query.setLong(1, now.toEpochMilli());
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    leases.add(new WebSubLease(rows.getString("topic"), rows.getString("lane"), Jdbc.instant(rows, "expires_at"),
                            Jdbc.optionalInstant(rows, "delivered_at"), Jdbc.optionalString(rows, "retrying")));
                }
            }
        }
        return leases;
    }

    /** How many subscriptions hold a lease on each topic now. */
    public Map<String, Long> activeByTopic(Connection connection, Instant now) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT topic, count(*) FROM websub_subscriptions WHERE expires_at > ? GROUP BY topic ORDER BY topic")) {
            query.setLong(1, now.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    public long countActive(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM websub_subscriptions WHERE expires_at > ?")) {
            query.setLong(1, now.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Deletes the subscriptions whose lease has run out (their pending deliveries go with them); returns how many. */
    public int purgeExpired(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM websub_subscriptions WHERE expires_at <= ?")) {
            delete.setLong(1, now.toEpochMilli());
            return delete.executeUpdate();
        }
    }

    /** A delivery whose content was read at {@code readAt} succeeded: the next carries what changed after it. */
    public void delivered(Connection connection, long subscriptionId, Instant readAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE websub_subscriptions SET delivered_at = CASE WHEN delivered_at > ? THEN delivered_at ELSE ? END WHERE id = ?")) {
            update.setLong(1, readAt.toEpochMilli());
            update.setLong(2, readAt.toEpochMilli());
            update.setLong(3, subscriptionId);
            update.executeUpdate();
        }
    }

    /** The delivery lane of a callback: its authority (host and port), in lower case (migration 013). */
    public static String laneOf(String callback) {
        String authority = URI.create(callback).getRawAuthority();
        return authority == null ? "" : authority.toLowerCase(Locale.ROOT);
    }
}
