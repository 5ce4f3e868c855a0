package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.minbar.storage.Database;
import org.minbar.storage.FeedEntries;
import org.minbar.storage.FeedId;

/**
 * Keeps every feed's RFC 5005 history: a written article enters the current document of each
 * feed it belongs to, and once a current document holds two pages' worth, its oldest page's worth
 * becomes the next archive. So a current document holds between one and two pages of articles,
 * and an archive is always full and never changes its set of entries.
 */
public final class FeedHistory {

    private final FeedEntries entries = new FeedEntries();
    private final int pageSize;

    public FeedHistory(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one article");
        }
        this.pageSize = pageSize;
    }

    /** In the article's write transaction: it is in these feeds now (and out of the current documents of others). */
    void written(Connection connection, long articleId, List<Long> authorIds, List<Long> categoryIds, List<Long> tagIds)
            throws SQLException {
        List<FeedId> feeds = new ArrayList<>();
        feeds.add(FeedId.SITE);
        authorIds.forEach(id -> feeds.add(FeedId.author(id)));
        categoryIds.forEach(id -> feeds.add(FeedId.category(id)));
        tagIds.forEach(id -> feeds.add(FeedId.tag(id)));
        entries.place(connection, articleId, feeds);
        for (FeedId feed : feeds) {
            entries.archive(connection, feed, pageSize);
        }
    }

    /** In the transaction that merges one term into another: {@code from}'s feed joins {@code into}'s. */
    void merged(Connection connection, FeedId from, FeedId into) throws SQLException {
        entries.mergeInto(connection, from, into);
        entries.archive(connection, into, pageSize);
    }

    /** In the article's delete transaction: it leaves every current document; archives announce its deletion. */
    void deleted(Connection connection, long articleId) throws SQLException {
        entries.leaveCurrent(connection, articleId);
    }

    /**
     * Archives whatever current documents hold two pages' worth or more: after the upgrade that
     * introduced archives, or when the page size was lowered. Returns the archive pages made.
     */
    public int catchUp(Database database) {
        return database.write(connection -> {
            int made = 0;
            for (FeedId feed : entries.holdingAtLeast(connection, 2 * pageSize)) {
                made += entries.archive(connection, feed, pageSize);
            }
            return made;
        });
    }
}
