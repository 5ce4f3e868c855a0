package org.minbar.model;

/** Which slice of the site a feed shows. */
public enum FeedKind {
    SITE,
    CATEGORY,
    AUTHOR,
    TAG,
    /** The slug is the search query. */
    SEARCH
}
