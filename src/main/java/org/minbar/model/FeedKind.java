package org.minbar.model;

import java.util.Optional;

/**
 * Which slice of the site a feed shows, and the path segment its addresses start with:
 * /category/{slug}/, /author/{slug}/, /tag/{slug}/, /search/{query}/; the site's are at the root.
 */
public enum FeedKind {
    SITE(null),
    CATEGORY("category"),
    AUTHOR("author"),
    TAG("tag"),
    /** The slug is the search query. */
    SEARCH("search");

    private final String pathSegment;

    FeedKind(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** The first segment of this kind's addresses; the site has none. */
    public Optional<String> pathSegment() {
        return Optional.ofNullable(pathSegment);
    }

    /** The kind whose addresses start with this segment. */
    public static Optional<FeedKind> ofPathSegment(String segment) {
        for (FeedKind kind : values()) {
            if (segment.equals(kind.pathSegment)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Categories, authors and tags: the kinds whose feeds are one term's, subscribable and listed. */
    public boolean isTerm() {
        return this == CATEGORY || this == AUTHOR || this == TAG;
    }
}
