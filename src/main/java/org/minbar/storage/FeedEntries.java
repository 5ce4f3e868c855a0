package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which articles each feed holds in its current document and which in each RFC 5005 archive
 * page. An article enters its feeds' current documents when written; the oldest are moved into
 * a new archive page, a whole page at a time, and an archived row never moves again.
 */
public final class FeedEntries {

    /**
     * Named explicitly: the primary key also starts with (kind, term_id), and the planner would
     * otherwise walk every row the feed ever held rather than the one or two pages still current.
     */
    private static final String CURRENT_INDEX = " INDEXED BY feed_entries_current";
    private static final String LIVE_CURRENT = " FROM feed_entries e" + CURRENT_INDEX + " JOIN articles a ON a.id = e.article_id"
            + " WHERE e.kind = ? AND e.term_id = ? AND e.page IS NULL AND a.deleted_at IS NULL";

    /** Puts the article in these feeds' current documents, and takes it out of the others' (not out of archives). */
    public void place(Connection connection, long articleId, List<FeedId> feeds) throws SQLException {
        leaveCurrent(connection, articleId);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO feed_entries (kind, term_id, article_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (FeedId feed : feeds) {
                insert.setString(1, feed.kind());
                insert.setLong(2, feed.termId());
                insert.setLong(3, articleId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * When one term is merged into another: the live articles of {@code from}'s feed, current or
     * archived, join {@code into}'s current document (unless {@code into} has them already), and
     * {@code from}'s feed is gone. {@link #archive} then pages what is too much for one document.
     */
    public void mergeInto(Connection connection, FeedId from, FeedId into) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO feed_entries (kind, term_id, article_id, page) SELECT e.kind, ?, e.article_id, NULL"
                        + " FROM feed_entries e JOIN articles a ON a.id = e.article_id"
                        + " WHERE e.kind = ? AND e.term_id = ? AND a.deleted_at IS NULL ON CONFLICT DO NOTHING")) {
            insert.setLong(1, into.termId());
            insert.setString(2, from.kind());
            insert.setLong(3, from.termId());
            insert.executeUpdate();
        }
        for (String table : List.of("feed_entries", "feed_counts")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE kind = ? AND term_id = ?")) {
                delete.setString(1, from.kind());
                delete.setLong(2, from.termId());
                delete.executeUpdate();
            }
        }
    }

    /** A deleted article leaves every current document; archives keep it, to announce its deletion. */
    public void leaveCurrent(Connection connection, long articleId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM feed_entries WHERE article_id = ? AND page IS NULL")) {
            delete.setLong(1, articleId);
            delete.executeUpdate();
        }
    }

    /** The live articles in the feed's current document, newest first. */
    public List<Long> current(Connection connection, FeedId feed) throws SQLException {
        return ids(connection, currentSql() + " ORDER BY a.published_at DESC, a.id DESC",
                feed, null);
    }

    /** How many archive pages the feed has; they are numbered from 1, the oldest. */
    public int archives(Connection connection, FeedId feed) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT max(page) FROM feed_entries WHERE kind = ? AND term_id = ? AND page IS NOT NULL")) {
            query.setString(1, feed.kind());
            query.setLong(2, feed.termId());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    /** The articles of one archive page, deleted ones included, in no particular order. */
    public List<Long> archived(Connection connection, FeedId feed, int page) throws SQLException {
        return ids(connection, "SELECT article_id FROM feed_entries WHERE kind = ? AND term_id = ? AND page = ?",
                feed, page);
    }

    /**
     * While the current document holds two pages' worth of live articles or more, moves its oldest
     * {@code pageSize} (by publication, then id) into a new archive page, so it keeps between one
     * and two pages' worth. Returns the pages made.
     */
    public int archive(Connection connection, FeedId feed, int pageSize) throws SQLException {
        if (currentRows(connection, feed) < 2L * pageSize) {
            return 0; // the usual case, read from the index alone: no join, no sort
        }
        List<Long> current = current(connection, feed);
        int pages = (current.size() - pageSize) / pageSize;
        if (pages <= 0) {
            return 0;
        }
        int next = archives(connection, feed) + 1;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE feed_entries SET page = ? WHERE kind = ? AND term_id = ? AND article_id = ?")) {
            for (int i = 0; i < pages * pageSize; i++) {
                update.setInt(1, next + i / pageSize);
                update.setString(2, feed.kind());
                update.setLong(3, feed.termId());
                update.setLong(4, current.get(current.size() - 1 - i));
                update.addBatch();
            }
            update.executeBatch();
        }
        return pages;
    }

    /** Rows in the feed's current document: its live articles, as a deletion takes an article out of it. */
    private static long currentRows(Connection connection, FeedId feed) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(Dialect.sql(connection,
                "SELECT count(*) FROM feed_entries" + CURRENT_INDEX + " WHERE kind = ? AND term_id = ? AND page IS NULL"))) {
            query.setString(1, feed.kind());
            query.setLong(2, feed.termId());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /**
     * The articles the feed holds or held (in its current document or an archive) changed after
     * {@code since}, most recently changed first, at most {@code limit}: what a push must carry.
     * Walks the articles changed since then, not the feed's history.
     */
    public List<Long> changedSince(Connection connection, FeedId feed, Instant since, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(Dialect.sql(connection,
                "SELECT a.id FROM articles a INDEXED BY articles_by_modified WHERE a.modified_at > ?"
                        + " AND EXISTS (SELECT 1 FROM feed_entries e WHERE e.article_id = a.id AND e.kind = ? AND e.term_id = ?)"
                        + " ORDER BY a.modified_at DESC LIMIT ?"))) {
            query.setLong(1, since.toEpochMilli());
            query.setString(2, feed.kind());
            query.setLong(3, feed.termId());
            query.setInt(4, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Feeds whose current document holds at least {@code threshold} live articles: those {@link #archive} would change. */
    public List<FeedId> holdingAtLeast(Connection connection, int threshold) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(Dialect.sql(connection,
                "SELECT e.kind, e.term_id FROM feed_entries e" + CURRENT_INDEX + " JOIN articles a ON a.id = e.article_id"
                        + " WHERE e.page IS NULL AND a.deleted_at IS NULL GROUP BY e.kind, e.term_id HAVING count(*) >= ?"))) {
            query.setInt(1, threshold);
            List<FeedId> feeds = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    feeds.add(new FeedId(rows.getString(1), rows.getLong(2)));
                }
            }
            return feeds;
        }
    }

    /** The SQL that reads a feed's current document, for checking its plan. */
    static String currentSql() {
        return "SELECT e.article_id" + LIVE_CURRENT;
    }

    private static List<Long> ids(Connection connection, String sql, FeedId feed, Integer page) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(Dialect.sql(connection, sql))) {
            query.setString(1, feed.kind());
            query.setLong(2, feed.termId());
            if (page != null) {
                query.setInt(3, page);
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }
}
