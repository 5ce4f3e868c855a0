package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The matching keys of one kind of term (see {@code Slugs.key}): each names one term, the first to
 * claim it; a term merged into another hands its keys over, so its old names and slugs still find it.
 * The id a WordPress export gave a term is a key too ({@link #wordPressId}), for the ?cat=5 and
 * ?author=3 addresses its subscribers hold.
 */
public final class TermKeys {

    private final TermTable table;

    public TermKeys(TermTable table) {
        this.table = table;
    }

    /**
     * The key of a WordPress term or user id: "wp:5". A matching key never holds a colon (it is made of
     * letters, digits and hyphens), so the two never collide.
     */
    public static String wordPressId(long id) {
        return "wp:" + id;
    }

    public Optional<Long> find(Connection connection, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT term_id FROM term_keys WHERE kind = ? AND key = ?")) {
            query.setString(1, table.kind());
            query.setString(2, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Gives the key to this term unless another term holds it already. */
    public void claim(Connection connection, String key, long termId) throws SQLException {
        if (key.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO term_keys (kind, key, term_id) VALUES (?, ?, ?) ON CONFLICT (kind, key) DO NOTHING")) {
            insert.setString(1, table.kind());
            insert.setString(2, key);
            insert.setLong(3, termId);
            insert.executeUpdate();
        }
    }

    /** Every key of {@code from} now names {@code into}. */
    public void handOver(Connection connection, long from, long into) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE term_keys SET term_id = ? WHERE kind = ? AND term_id = ?")) {
            update.setLong(1, into);
            update.setString(2, table.kind());
            update.setLong(3, from);
            update.executeUpdate();
        }
    }
}
