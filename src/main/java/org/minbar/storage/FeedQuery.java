package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ids of a feed's newest live articles: the whole site, one category or one author. Each
 * form walks one index in order and stops after the limit, so its cost does not grow with the
 * number of stored articles.
 */
public final class FeedQuery {

    private final String sql;
    private final Long filterId;
    private final int limit;

    private FeedQuery(String sql, Long filterId, int limit) {
        this.sql = sql;
        this.filterId = filterId;
        this.limit = limit;
    }

    public static FeedQuery site(int limit) {
        return new FeedQuery("SELECT id FROM articles WHERE deleted_at IS NULL"
                + " ORDER BY published_at DESC, id DESC LIMIT ?", null, limit);
    }

    public static FeedQuery inCategory(long categoryId, int limit) {
        return new FeedQuery("SELECT l.article_id FROM article_categories l JOIN articles a ON a.id = l.article_id"
                + " WHERE l.category_id = ? AND a.deleted_at IS NULL"
                + " ORDER BY l.published_at DESC, l.article_id DESC LIMIT ?", categoryId, limit);
    }

    public static FeedQuery byAuthor(long authorId, int limit) {
        return new FeedQuery("SELECT l.article_id FROM article_authors l JOIN articles a ON a.id = l.article_id"
                + " WHERE l.author_id = ? AND a.deleted_at IS NULL"
                + " ORDER BY l.published_at DESC, l.article_id DESC LIMIT ?", authorId, limit);
    }

    public List<Long> ids(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            if (filterId != null) {
                query.setLong(index++, filterId);
            }
            query.setInt(index, limit);
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
