package org.minbar.storage;

import org.minbar.model.FeedKind;

/**
 * The three kinds of term an article is filed under, each with its table, its link table and the
 * name feed_entries and term_keys give it: described once, for every query that walks them.
 */
public enum TermTable {
    CATEGORY(FeedKind.CATEGORY, "categories", "article_categories", "category_id"),
    TAG(FeedKind.TAG, "tags", "article_tags", "tag_id"),
    AUTHOR(FeedKind.AUTHOR, "authors", "article_authors", "author_id");

    private final FeedKind feedKind;
    private final String table;
    private final String links;
    private final String linkColumn;

    TermTable(FeedKind feedKind, String table, String links, String linkColumn) {
        this.feedKind = feedKind;
        this.table = table;
        this.links = links;
        this.linkColumn = linkColumn;
    }

    public static TermTable of(FeedKind kind) {
        for (TermTable table : values()) {
            if (table.feedKind == kind) {
                return table;
            }
        }
        throw new IllegalArgumentException(kind + " feeds are not of one term");
    }

    public FeedKind feedKind() {
        return feedKind;
    }

    /** How feed_entries, feed_counts and term_keys name the kind: "category", "tag", "author". */
    public String kind() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public FeedId feed(long termId) {
        return new FeedId(kind(), termId);
    }

    String table() {
        return table;
    }

    String links() {
        return links;
    }

    String linkColumn() {
        return linkColumn;
    }
}
