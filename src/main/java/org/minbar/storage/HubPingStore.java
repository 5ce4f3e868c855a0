package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Pending hub.mode=publish pings to external hubs: one waiting row per hub and topic. */
public final class HubPingStore {

    /** A ping to send: which hub, about which topic, and how many tries have begun. */
    public record Pending(long id, int attempts, String hub, String topic) {}

    /** Queues a ping of every topic to every hub, unless one is already waiting to be tried. */
    public void enqueue(Connection connection, Collection<String> hubs, Collection<String> topics, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO websub_hub_pings (hub, topic, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, 0, ?, ?)")) {
            for (String hub : hubs) {
                for (String topic : topics) {
                    insert.setString(1, hub);
                    insert.setString(2, topic);
                    insert.setLong(3, now.toEpochMilli());
                    insert.setLong(4, now.toEpochMilli());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    public Optional<Pending> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, attempts, hub, topic FROM websub_hub_pings WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Pending(rows.getLong(1), rows.getInt(2), rows.getString(3),
                        rows.getString(4))) : Optional.empty();
            }
        }
    }
}
