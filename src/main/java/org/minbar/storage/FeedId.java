package org.minbar.storage;

/** One feed as feed_entries names it: the site (term 0), or a category, author or tag by its row id. */
public record FeedId(String kind, long termId) {

    public static final FeedId SITE = new FeedId("site", 0);

    public static FeedId category(long id) {
        return new FeedId("category", id);
    }

    public static FeedId author(long id) {
        return new FeedId("author", id);
    }

    public static FeedId tag(long id) {
        return new FeedId("tag", id);
    }
}
