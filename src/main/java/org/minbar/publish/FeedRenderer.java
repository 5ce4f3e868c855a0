package org.minbar.publish;

import java.util.List;
import org.minbar.config.SiteConfig;
import org.minbar.model.FeedFormat;

/**
 * Renders a feed document in any of our formats and keeps it under the size some aggregators refuse
 * (512 KB): long articles are cut, with a link to the rest, until the document fits.
 */
public final class FeedRenderer {

    /** Stays clear of 512 KB, the size above which some aggregators refuse a feed. */
    public static final int MAX_DOCUMENT_BYTES = 480 * 1024;
    private static final int MIN_TEXT_CHARS = 500;

    private final RssWriter rss;
    private final AtomWriter atom;
    private final JsonFeedWriter json;
    private final Rss092Writer rss092;
    private final Rss10Writer rss10;
    private final int maxTextChars;

    /** {@code lifetimes} are the max-ages the documents are served with, which RSS repeats as polling hints. */
    public FeedRenderer(SiteConfig site, SiteLinks links, String generatorName, String generatorVersion,
                        CacheLifetimes lifetimes) {
        this.rss = new RssWriter(links, generatorName + " " + generatorVersion, lifetimes);
        this.atom = new AtomWriter(links, site.title(), generatorName, generatorVersion);
        this.json = new JsonFeedWriter(links, site.title());
        this.rss092 = new Rss092Writer(links);
        this.rss10 = new Rss10Writer(links, lifetimes);
        this.maxTextChars = site.maxItemContentChars();
    }

    public byte[] render(FeedFormat format, FeedChannel channel, List<FeedItem> items) {
        int budget = maxTextChars;
        while (true) {
            byte[] document = switch (format) {
                case RSS -> rss.write(channel, items, budget);
                case ATOM -> atom.write(channel, items, budget);
                case JSON -> json.write(channel, items, budget);
                case RSS_092 -> rss092.write(channel, items);
                case RSS_10 -> rss10.write(channel, items, budget);
            };
            if (document.length <= MAX_DOCUMENT_BYTES || budget <= MIN_TEXT_CHARS) {
                return document;
            }
            budget = Math.max(MIN_TEXT_CHARS, budget / 2);
        }
    }
}
