package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the two WebSub outboxes (deliveries to subscribers, pings to external hubs) share: the rows
 * to try next, counting an attempt as begun, scheduling a retry, and settling a row once sent.
 * Each destination has one row at most, whose generation counts the writes that came after it was
 * queued (migration 008).
 */
public final class OutboxTable {

    /** How long a claimed row waits for its attempt to settle: well beyond a request's time-outs. */
    public static final Duration CLAIM = Duration.ofMinutes(2);

    private final String table;
    /** The SQL of a row's lane: the callback's authority for a delivery, the hub for a ping. */
    private final String lane;

    private OutboxTable(String table, String lane) {
        this.table = table;
        this.lane = lane;
    }

    public static OutboxTable deliveries() {
        return new OutboxTable("websub_deliveries",
                "(SELECT s.lane FROM websub_subscriptions s WHERE s.id = websub_deliveries.subscription_id)");
    }

    public static OutboxTable hubPings() {
        return new OutboxTable("websub_hub_pings", "hub");
    }

    /** A row, when it is next to be tried, and its lane. */
    public record Scheduled(long id, Instant at, String lane) {}

    /**
     * The {@code limit} rows to be tried soonest, due or not, in the order they fall due, leaving out
     * the rows of the lanes given (those with all the requests they may have open).
     */
    public List<Scheduled> upcoming(Connection connection, int limit, Collection<String> fullLanes) throws SQLException {
        List<Scheduled> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, next_attempt_at, " + lane + " AS lane FROM " + table
                        + (fullLanes.isEmpty() ? "" : " WHERE " + lane + " NOT IN (" + Jdbc.placeholders(fullLanes) + ")")
                        + " ORDER BY next_attempt_at, id LIMIT ?")) {
            int index = 1;
            for (String full : fullLanes) {
                query.setString(index++, full);
            }
            query.setInt(index, limit);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Scheduled(result.getLong(1), Jdbc.instant(result, "next_attempt_at"),
                            String.valueOf(result.getString("lane"))));
                }
            }
        }
        return rows;
    }

    /**
     * Claims the row for one attempt and counts it as begun; false when the row is gone or not due
     * (another attempt just failed and scheduled the next, or another node claimed it). The claim
     * moves the row's time on by {@link #CLAIM}: writes are serial, on one node as across nodes
     * sharing a PostgreSQL database (see {@link PostgresDatabase}), so this conditional update
     * claims a row once, as {@code FOR UPDATE SKIP LOCKED} would among concurrent writers. Settling
     * the attempt sets the time again; a node that died during its attempt leaves the row to be
     * tried again by any node once the claim runs out.
     */
    public boolean begin(Connection connection, long id, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND next_attempt_at <= ?")) {
            update.setLong(1, now.plus(CLAIM).toEpochMilli());
            update.setLong(2, id);
            update.setLong(3, now.toEpochMilli());
            return update.executeUpdate() > 0;
        }
    }

    public void retryAt(Connection connection, long id, Instant when, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET next_attempt_at = ?, last_error = ? WHERE id = ?")) {
            update.setLong(1, when.toEpochMilli());
            update.setString(2, error);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /**
     * After a successful attempt that began at {@code generation}: the row is done, unless a write
     * came during the attempt (its body may predate it); then the row is due again now, as a fresh one.
     */
    public void sent(Connection connection, long id, long generation, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE id = ? AND generation = ?")) {
            delete.setLong(1, id);
            delete.setLong(2, generation);
            if (delete.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement again = connection.prepareStatement(
                "UPDATE " + table + " SET attempts = 0, next_attempt_at = ?, last_error = NULL WHERE id = ?")) {
            again.setLong(1, now.toEpochMilli());
            again.setLong(2, id);
            again.executeUpdate();
        }
    }

    public void delete(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
    }
}
