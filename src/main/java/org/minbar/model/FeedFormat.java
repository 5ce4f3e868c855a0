package org.minbar.model;

/** The syndication formats we publish (RSS 2.0, Atom 1.0, JSON Feed 1.1), with their media types and their suffix after /feed/. */
public enum FeedFormat {
    RSS("application/rss+xml", ""),
    ATOM("application/atom+xml", "atom/"),
    JSON("application/feed+json", "json/");

    private final String mediaType;
    private final String pathSuffix;

    FeedFormat(String mediaType, String pathSuffix) {
        this.mediaType = mediaType;
        this.pathSuffix = pathSuffix;
    }

    public String mediaType() {
        return mediaType;
    }

    /** What follows ".../feed/" in this format's address: "" for RSS, "atom/" for Atom. */
    public String pathSuffix() {
        return pathSuffix;
    }
}
