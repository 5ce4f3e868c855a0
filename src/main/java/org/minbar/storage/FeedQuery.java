package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import org.minbar.model.Tombstone;

/**
 * The ids of a feed's newest live articles, and its recently deleted ones: the whole site, one
 * category or one author. Each form walks one index in order and stops after the limit, so its
 * cost does not grow with the number of stored articles.
 */
public final class FeedQuery {

    private final String sql;
    private final String tombstonesSql;
    private final Long filterId;
    private final int limit;
    private final int offset;

    private FeedQuery(String sql, String tombstonesSql, Long filterId, int limit) {
        this(sql, tombstonesSql, filterId, limit, 0);
    }

    private FeedQuery(String sql, String tombstonesSql, Long filterId, int limit, int offset) {
        this.sql = sql;
        this.tombstonesSql = tombstonesSql;
        this.filterId = filterId;
        this.limit = limit;
        this.offset = offset;
    }

    /** The same feed's page (1 is the newest); reading a page skips the ones before it. */
    public FeedQuery page(int page) {
        return new FeedQuery(sql, tombstonesSql, filterId, limit, (page - 1) * limit);
    }

    public int limit() {
        return limit;
    }

    /** How many live articles the feed has over all its pages. */
    public long count(Connection connection) throws SQLException {
        String from = sql.substring(sql.indexOf(" FROM "), sql.indexOf(" ORDER BY "));
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*)" + from)) {
            if (filterId != null) {
                query.setLong(1, filterId);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    public static FeedQuery site(int limit) {
        return new FeedQuery("SELECT id FROM articles WHERE deleted_at IS NULL"
                + " ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?",
                "SELECT feed_id, deleted_at FROM articles WHERE deleted_at IS NOT NULL AND deleted_at >= ?"
                        + " ORDER BY deleted_at DESC LIMIT ?", null, limit);
    }

    public static FeedQuery inCategory(long categoryId, int limit) {
        return new FeedQuery("SELECT l.article_id FROM article_categories l JOIN articles a ON a.id = l.article_id"
                + " WHERE l.category_id = ? AND a.deleted_at IS NULL"
                + " ORDER BY l.published_at DESC, l.article_id DESC LIMIT ? OFFSET ?",
                tombstonesThrough("article_categories", "category_id"), categoryId, limit);
    }

    public static FeedQuery byAuthor(long authorId, int limit) {
        return new FeedQuery("SELECT l.article_id FROM article_authors l JOIN articles a ON a.id = l.article_id"
                + " WHERE l.author_id = ? AND a.deleted_at IS NULL"
                + " ORDER BY l.published_at DESC, l.article_id DESC LIMIT ? OFFSET ?",
                tombstonesThrough("article_authors", "author_id"), authorId, limit);
    }

    public static FeedQuery withTag(long tagId, int limit) {
        return new FeedQuery("SELECT l.article_id FROM article_tags l JOIN articles a ON a.id = l.article_id"
                + " WHERE l.tag_id = ? AND a.deleted_at IS NULL"
                + " ORDER BY l.published_at DESC, l.article_id DESC LIMIT ? OFFSET ?",
                tombstonesThrough("article_tags", "tag_id"), tagId, limit);
    }

    /** Deleted articles keep their links, so a category's or author's feed can announce their deletion. */
    private static String tombstonesThrough(String joinTable, String column) {
        return "SELECT a.feed_id, a.deleted_at FROM articles a JOIN " + joinTable + " l ON l.article_id = a.id"
                + " WHERE l." + column + " = ? AND a.deleted_at IS NOT NULL AND a.deleted_at >= ?"
                + " ORDER BY a.deleted_at DESC LIMIT ?";
    }

    /** The feed's articles deleted at or after {@code since}, newest deletion first, at most the feed's size. */
    public List<Tombstone> tombstones(Connection connection, Instant since) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(tombstonesSql)) {
            int index = 1;
            if (filterId != null) {
                query.setLong(index++, filterId);
            }
            query.setLong(index++, since.toEpochMilli());
            query.setInt(index, limit);
            List<Tombstone> tombstones = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tombstones.add(new Tombstone(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2))));
                }
            }
            return tombstones;
        }
    }

    public List<Long> ids(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            if (filterId != null) {
                query.setLong(index++, filterId);
            }
            query.setInt(index++, limit);
            query.setInt(index, offset);
            List<Long> ids = new ArrayList<>(limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /** The SQL this query runs, for checking its plan. */
    String sql() {
        return sql;
    }
}
