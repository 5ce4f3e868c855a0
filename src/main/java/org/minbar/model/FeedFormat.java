package org.minbar.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The syndication formats we publish, each with its media type, the segment that follows /feed/
 * in its address (WordPress's: none for RSS 2.0, atom, rss, rdf; json ours) and what it offers.
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 are the feeds we advertise: pages link to them, WebSub
 * topics are theirs, and RSS and Atom have RFC 5005 archives. RSS 0.92 and RSS 1.0 are served
 * only because WordPress sites offered them and subscribers still hold those addresses.
 */
public enum FeedFormat {
    RSS("application/rss+xml", "", "RSS", true, true),
    ATOM("application/atom+xml", "atom", "Atom", true, true),
    JSON("application/feed+json", "json", "JSON", true, false),
    RSS_092("application/rss+xml", "rss", "RSS 0.92", false, false),
    RSS_10("application/rdf+xml", "rdf", "RSS 1.0", false, false);

    private final String mediaType;
    private final String pathSegment;
    private final String label;
    private final boolean advertised;
    private final boolean archived;

    FeedFormat(String mediaType, String pathSegment, String label, boolean advertised, boolean archived) {
        this.mediaType = mediaType;
        this.pathSegment = pathSegment;
        this.label = label;
        this.advertised = advertised;
        this.archived = archived;
    }

    public String mediaType() {
        return mediaType;
    }

    /** What follows ".../feed/" in this format's address: "" for RSS 2.0, "atom/" for Atom. */
    public String pathSuffix() {
        return pathSegment.isEmpty() ? "" : pathSegment + "/";
    }

    /** The format a segment after /feed/ names: "atom", "json", "rss", "rdf"; RSS 2.0 has none. */
    public static Optional<FeedFormat> ofPathSegment(String segment) {
        return Arrays.stream(values()).filter(format -> format.pathSegment.equals(segment)).findFirst();
    }

    /** How people call it: "RSS", "Atom", "JSON", "RSS 0.92", "RSS 1.0". */
    public String label() {
        return label;
    }

    /** Linked from pages and OPML, and a WebSub topic: RSS 2.0, Atom and JSON Feed. */
    public boolean isAdvertised() {
        return advertised;
    }

    /** The advertised formats, in the order pages list them. */
    public static List<FeedFormat> advertised() {
        return Arrays.stream(values()).filter(FeedFormat::isAdvertised).toList();
    }

    /** Whether a feed in this format has RFC 5005 archive documents (defined for RSS 2.0 and Atom). */
    public boolean hasArchives() {
        return archived;
    }
}
