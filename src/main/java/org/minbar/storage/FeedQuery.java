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
 * category, author or tag. Each form walks one index in order and stops after the limit, so its
 * cost does not grow with the number of stored articles. Pages after the first skip the articles
 * the feed's current document holds (see {@link FeedEntries}), so the pages share no article.
 */
public final class FeedQuery {

    private final FeedId feed;
    private final String sql;
    private final String tombstonesSql;
    private final Long filterId;
    private final int limit;
    private final int offset;

    private FeedQuery(FeedId feed, String sql, String tombstonesSql, Long filterId, int limit) {
        this(feed, sql, tombstonesSql, filterId, limit, 0);
    }

    private FeedQuery(FeedId feed, String sql, String tombstonesSql, Long filterId, int limit, int offset) {
        this.feed = feed;
        this.sql = sql;
        this.tombstonesSql = tombstonesSql;
        this.filterId = filterId;
        this.limit = limit;
        this.offset = offset;
    }

    /** Which feed this is, in feed_entries' terms. */
    public FeedId feed() {
        return feed;
    }

    /**
     * Page {@code page} (2 or more) of the feed's history: its live articles that are not in its
     * current document (page 1), newest first, skipping the pages before.
     */
    public FeedQuery olderPage(int page) {
        if (page < 2) {
            throw new IllegalArgumentException("page 1 is the feed's current document, not a page of its history");
        }
        String articleId = filterId == null ? "articles.id" : "l.article_id";
        String term = filterId == null ? "0" : "l." + filterColumn();
        String notCurrent = " AND NOT EXISTS (SELECT 1 FROM feed_entries e WHERE e.kind = '" + feed.kind() + "'"
                + " AND e.term_id = " + term + " AND e.article_id = " + articleId + " AND e.page IS NULL)";
        int orderBy = sql.indexOf(" ORDER BY ");
        return new FeedQuery(feed, sql.substring(0, orderBy) + notCurrent + sql.substring(orderBy), tombstonesSql,
                filterId, limit, (page - 2) * limit);
    }

    private String filterColumn() {
        return feed.kind() + "_id";
    }

    /** The same articles in the same order, skipping the first {@code skipped}: a page of a listing. */
    public FeedQuery after(int skipped) {
        return new FeedQuery(feed, sql, tombstonesSql, filterId, limit, offset + skipped);
    }

    public int limit() {
        return limit;
    }

    /** How many live articles the feed has over all its pages: one row that triggers keep (migration 010). */
    public long count(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT live FROM feed_counts WHERE kind = ? AND term_id = ?")) {
            query.setString(1, feed.kind());
            query.setLong(2, feed.termId());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    public static FeedQuery site(int limit) {
        return new FeedQuery(FeedId.SITE, "SELECT id FROM articles WHERE deleted_at IS NULL"
                + " ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?",
                "SELECT feed_id, deleted_at FROM articles WHERE deleted_at IS NOT NULL AND deleted_at >= ?"
                        + " ORDER BY deleted_at DESC LIMIT ?", null, limit);
    }

    public static FeedQuery inCategory(long categoryId, int limit) {
        return new FeedQuery(FeedId.category(categoryId), "SELECT l.article_id FROM article_categories l JOIN articles a ON a.id = l.article_id"
                + " WHERE l.category_id = ? AND a.deleted_at IS NULL"
                + " ORDER BY l.published_at DESC, l.article_id DESC LIMIT ? OFFSET ?",
                tombstonesThrough("article_categories", "category_id"), categoryId, limit);
    }

    public static FeedQuery byAuthor(long authorId, int limit) {
        return new FeedQuery(FeedId.author(authorId), "SELECT l.article_id FROM article_authors l JOIN articles a ON a.id = l.article_id"
                + " WHERE l.author_id = ? AND a.deleted_at IS NULL"
                + " ORDER BY l.published_at DESC, l.article_id DESC LIMIT ? OFFSET ?",
                tombstonesThrough("article_authors", "author_id"), authorId, limit);
    }

    public static FeedQuery withTag(long tagId, int limit) {
        return new FeedQuery(FeedId.tag(tagId), "SELECT l.article_id FROM article_tags l JOIN articles a ON a.id = l.article_id"
                + " WHERE l.tag_id = ? AND a.deleted_at IS NULL"
                + " ORDER BY l.published_at DESC, l.article_id DESC LIMIT ? OFFSET ?",
                tombstonesThrough("article_tags", "tag_id"), tagId, limit);
    }

    /**
     * Deleted articles keep their links, so a category's or author's feed can announce their
     * deletion. Walks the recent deletions (articles_deleted) and checks each one's link, so the
     * cost follows the number of deletions, never the size of the feed.
     */
    private static String tombstonesThrough(String joinTable, String column) {
        return "SELECT a.feed_id, a.deleted_at FROM articles a INDEXED BY articles_deleted"
                + " WHERE EXISTS (SELECT 1 FROM " + joinTable + " l WHERE l." + column + " = ? AND l.article_id = a.id)"
                + " AND a.deleted_at IS NOT NULL AND a.deleted_at >= ? ORDER BY a.deleted_at DESC LIMIT ?";
    }

    /** The SQL that reads this feed's tombstones, for checking its plan. */
    String tombstonesSql() {
        return tombstonesSql;
    }

    /** The feed's articles deleted at or after {@code since}, newest deletion first, at most the feed's size. */
    public List<Tombstone> tombstones(Connection connection, Instant since) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(Dialect.sql(connection, tombstonesSql))) {
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
        try (PreparedStatement query = connection.prepareStatement(Dialect.sql(connection, sql))) {
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
