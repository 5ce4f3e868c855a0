package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.minbar.model.FeedKey;

/**
 * The durable change log (migration 009): a row per article change, appended in the change's own
 * transaction, read in order by the followers that derive everything else from it, each of which
 * stores how far it got (its mark) in the transaction that stores what it derived.
 */
public final class ChangeLog {

    /** What happened to the article. */
    public enum Kind { CREATED, UPDATED, DELETED }

    /** One logged change: its place in the log, the article, the article's version, and every feed it touched. */
    public record Change(long seq, long articleId, Kind kind, Instant version, Set<FeedKey> feeds) {
        public Change {
            feeds = Set.copyOf(feeds);
        }
    }

    /** Appends a change; returns its place in the log. */
    public long append(Connection connection, long articleId, Kind kind, Instant version, Collection<FeedKey> feeds,
                       Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO changes (article_id, kind, version, feeds, at) VALUES (?, ?, ?, ?, ?) RETURNING seq")) {
            insert.setLong(1, articleId);
            insert.setString(2, kind.name().toLowerCase(Locale.ROOT));
            insert.setLong(3, version.toEpochMilli());
            insert.setString(4, String.join("\n", feeds.stream().map(FeedKey::name).distinct().toList()));
            insert.setLong(5, at.toEpochMilli());
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The changes after {@code seq}, oldest first, at most {@code limit}. */
    public List<Change> after(Connection connection, long seq, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq, article_id, kind, version, feeds FROM changes WHERE seq > ? ORDER BY seq LIMIT ?")) {
            query.setLong(1, seq);
            query.setInt(2, limit);
            List<Change> changes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    changes.add(new Change(rows.getLong(1), rows.getLong(2),
                            Kind.valueOf(rows.getString(3).toUpperCase(Locale.ROOT)),
                            Instant.ofEpochMilli(rows.getLong(4)), feeds(rows.getString(5))));
                }
            }
            return changes;
        }
    }

    private static Set<FeedKey> feeds(String names) {
        Set<FeedKey> feeds = new LinkedHashSet<>();
        for (String name : names.split("\n")) {
            if (!name.isEmpty()) {
                feeds.add(FeedKey.parse(name));
            }
        }
        return feeds;
    }

    /** The newest change's place in the log, 0 when the log is empty. */
    public long latest(Connection connection) throws SQLException {
        return single(connection, "SELECT coalesce(max(seq), 0) FROM changes", null);
    }

    /** The oldest change still in the log, 0 when the log is empty. */
    public long oldest(Connection connection) throws SQLException {
        return single(connection, "SELECT coalesce(min(seq), 0) FROM changes", null);
    }

    /** Whether the article has a change after {@code seq}: one that a follower at that mark has not taken in. */
    public boolean changedAfter(Connection connection, long articleId, long seq) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM changes WHERE article_id = ? AND seq > ? LIMIT 1")) {
            query.setLong(1, articleId);
            query.setLong(2, seq);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * The name in change_marks of a counter moved each time related lists are stored: lists computed
     * again outside the log (a newer article entered an older one's list) leave the log where it was,
     * and nodes sharing the store learn of them by this count.
     */
    public static final String LISTS = "lists";

    /** Counts one more storing of related lists, in the transaction that stores them; returns the new count. */
    public long listsStored(Connection connection) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO change_marks (follower, seq) VALUES (?, 1) ON CONFLICT (follower) DO UPDATE SET seq = change_marks.seq + 1"
                        + " RETURNING seq")) {
            upsert.setString(1, LISTS);
            try (ResultSet rows = upsert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** How far the follower has taken the log in; 0 when it never has. */
    public long mark(Connection connection, String follower) throws SQLException {
        return single(connection, "SELECT coalesce((SELECT seq FROM change_marks WHERE follower = ?), 0)", follower);
    }

    /** The follower's mark; for a follower that has none yet, first stores {@code start} as its mark. */
    public long markOrStart(Connection connection, String follower, long start) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO change_marks (follower, seq) VALUES (?, ?) ON CONFLICT (follower) DO NOTHING")) {
            insert.setString(1, follower);
            insert.setLong(2, start);
            insert.executeUpdate();
        }
        return mark(connection, follower);
    }

    /**
     * Stores how far the follower has got, in the transaction that stores what it derived. A mark
     * never goes back: when followers on several nodes share one, the furthest stays.
     */
    public void setMark(Connection connection, String follower, long seq) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO change_marks (follower, seq) VALUES (?, ?) ON CONFLICT (follower) DO UPDATE"
                        + " SET seq = CASE WHEN excluded.seq > change_marks.seq THEN excluded.seq ELSE change_marks.seq END")) {
            upsert.setString(1, follower);
            upsert.setLong(2, seq);
            upsert.executeUpdate();
        }
    }

    private static long single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }
}
