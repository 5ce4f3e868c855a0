package org.minbar.model;

import java.util.Objects;

/** Names one feed: the whole site, or one category or author by slug. */
public record FeedKey(FeedKind kind, String slug) {

    public FeedKey {
        Objects.requireNonNull(kind, "kind");
        if ((kind == FeedKind.SITE) != (slug == null)) {
            throw new IllegalArgumentException("the site feed has no slug, every other feed has one");
        }
    }

    public static FeedKey site() {
        return new FeedKey(FeedKind.SITE, null);
    }

    public static FeedKey category(String slug) {
        return new FeedKey(FeedKind.CATEGORY, slug);
    }

    public static FeedKey tag(String slug) {
        return new FeedKey(FeedKind.TAG, slug);
    }

    public static FeedKey author(String slug) {
        return new FeedKey(FeedKind.AUTHOR, slug);
    }
}
