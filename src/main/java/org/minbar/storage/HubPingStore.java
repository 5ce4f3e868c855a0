package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Pending hub.mode=publish pings to external hubs: one row per hub and topic. */
public final class HubPingStore {

    /** A ping to send: which hub, about which topic, how many tries have begun, and the writes since it was queued. */
    public record Pending(long id, int attempts, long generation, String hub, String topic) {}

    /** Queues a ping of every topic to every hub, or bumps the generation of the one pending already. */
    public void enqueue(Connection connection, Collection<String> hubs, Collection<String> topics, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO websub_hub_pings (hub, topic, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, 0, ?, ?) ON CONFLICT (hub, topic) DO UPDATE SET generation = websub_hub_pings.generation + 1")) {
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
                "SELECT id, attempts, generation, hub, topic FROM websub_hub_pings WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Pending(rows.getLong(1), rows.getInt(2), rows.getLong(3),
                        rows.getString(4), rows.getString(5))) : Optional.empty();
            }
        }
    }
}
