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

    /**
     * How the change log, the feed cache and the validator tables name this feed: "SITE", or the
     * kind and the slug, "CATEGORY:سوريا". {@link #parse} reads it back.
     */
    public String name() {
        return slug == null ? kind.name() : kind.name() + ":" + slug;
    }

    /** The key a {@link #name()} names. */
    public static FeedKey parse(String name) {
        int colon = name.indexOf(':');
        FeedKind kind = FeedKind.valueOf(colon < 0 ? name : name.substring(0, colon));
        return new FeedKey(kind, colon < 0 ? null : name.substring(colon + 1));
    }
}
