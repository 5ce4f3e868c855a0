package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** The related stories computed for each article, best first, and which lists are out of date. */
public final class RelatedStore {

    /** One related article, how strongly it is related, and why (JSON; null when not recorded). */
    public record Scored(long id, double score, String reason) {
        public Scored(long id, double score) {
            this(id, score, null);
        }
    }

    public void replace(Connection connection, long articleId, List<Scored> related, Instant computedAt) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM computed_related WHERE article_id = ?")) {
            delete.setLong(1, articleId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO computed_related (article_id, position, related_id, score, reason) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < related.size(); i++) {
                insert.setLong(1, articleId);
                insert.setInt(2, i);
                insert.setLong(3, related.get(i).id());
                insert.setDouble(4, related.get(i).score());
                insert.setString(5, related.get(i).reason());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement mark = connection.prepareStatement("UPDATE articles SET related_at = ? WHERE id = ?")) {
            mark.setLong(1, computedAt.toEpochMilli());
            mark.setLong(2, articleId);
            mark.executeUpdate();
        }
    }

    /** The live articles computed as related to this one, best first, with their scores. */
    public List<Scored> of(Connection connection, long articleId) throws SQLException {
        List<Scored> related = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT r.related_id, r.score, r.reason FROM computed_related r JOIN articles a ON a.id = r.related_id"
                        + " WHERE r.article_id = ? AND a.deleted_at IS NULL ORDER BY r.position")) {
            query.setLong(1, articleId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    related.add(new Scored(rows.getLong(1), rows.getDouble(2), rows.getString(3)));
                }
            }
        }
        return related;
    }

    /** The stored lists of these articles (deleted entries included), best first; an article with none maps to an empty list. */
    public Map<Long, List<Scored>> listsOf(Connection connection, Collection<Long> articleIds) throws SQLException {
        Map<Long, List<Scored>> lists = new HashMap<>();
        articleIds.forEach(id -> lists.put(id, new ArrayList<>()));
        if (articleIds.isEmpty()) {
            return lists;
        }
        String in = String.join(",", java.util.Collections.nCopies(articleIds.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement("SELECT article_id, related_id, score FROM computed_related"
                + " WHERE article_id IN (" + in + ") ORDER BY article_id, position")) {
            int index = 1;
            for (long id : articleIds) {
                query.setLong(index++, id);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lists.get(rows.getLong(1)).add(new Scored(rows.getLong(2), rows.getDouble(3)));
                }
            }
        }
        return lists;
    }

    /** Articles whose lists name this one: they need a new list when it is deleted. */
    public List<Long> referencing(Connection connection, long relatedId, int limit) throws SQLException {
        return ids(connection, "SELECT DISTINCT article_id FROM computed_related WHERE related_id = ? LIMIT ?", relatedId, limit);
    }

    /**
     * Marks these articles' lists as due to be computed again (they are kept, and shown, until
     * then): a new article may belong in them. Read back by {@link #stale}.
     */
    public void markStale(Connection connection, Collection<Long> articleIds) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement("UPDATE articles SET related_at = NULL WHERE id = ?")) {
            for (long id : articleIds) {
                mark.setLong(1, id);
                mark.addBatch();
            }
            mark.executeBatch();
        }
    }

    /** Marks every live article's list as due to be computed again (the ranking changed); returns how many. */
    public int markAllStale(Connection connection) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement("UPDATE articles SET related_at = NULL WHERE deleted_at IS NULL")) {
            return mark.executeUpdate();
        }
    }

    /** Whether the article is live and its list missing, marked stale, or older than its last change. */
    public boolean isStale(Connection connection, long articleId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM articles WHERE id = ? AND deleted_at IS NULL"
                + " AND (related_at IS NULL OR related_at < modified_at)")) {
            query.setLong(1, articleId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Live articles whose list is missing or older than their last change. */
    public List<Long> stale(Connection connection, int limit) throws SQLException {
        return ids(connection, "SELECT id FROM articles WHERE deleted_at IS NULL AND (related_at IS NULL OR related_at < modified_at)"
                + " ORDER BY id LIMIT ?", null, limit);
    }

    /** Live article ids after the given one, in id order: a rebuild reads the store in batches. */
    public List<Long> liveAfter(Connection connection, long afterId, int limit) throws SQLException {
        return ids(connection, "SELECT id FROM articles WHERE deleted_at IS NULL AND id > ? ORDER BY id LIMIT ?", afterId, limit);
    }

    private static List<Long> ids(Connection connection, String sql, Long parameter, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            if (parameter != null) {
                query.setLong(index++, parameter);
            }
            query.setInt(index, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }
}
