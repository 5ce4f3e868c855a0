package org.minbar.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the subscriber count that feed aggregators report in their User-Agent, as FeedBurner
 * once did: "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1234 subscribers; feed-id=…)",
 * "Mozilla/5.0 (compatible; inoreader.com; 56 subscribers)", "NewsBlur Feed Fetcher - 42
 * subscribers - https://www.newsblur.com/site/1234/…", "Feedbin feed-id:1234 - 42 subscribers",
 * "Netvibes (…; 4 subscribers; feedID: 12345)". An aggregator polls once for all its subscribers
 * of a feed, under one feed-id (some keep several, for the same feed at several addresses).
 */
public final class AggregatorAgents {

    /** The largest count believed: a User-Agent is written by whoever sends it. */
    public static final long MOST_SUBSCRIBERS = 100_000_000;
    private static final int LONGEST_NAME = 64;
    private static final int LONGEST_ID = 128;

    /** What one aggregator's poll says: who it is, its id for the feed ("" if it gives none) and its subscribers. */
    public record Report(String aggregator, String feedId, long subscribers) {}

    private record Known(String mark, String name) {}

    // By what their User-Agent contains, lower case; the first that matches names the aggregator.
    private static final List<Known> KNOWN = List.of(new Known("feedly", "Feedly"), new Known("inoreader", "Inoreader"),
            new Known("newsblur", "NewsBlur"), new Known("feedbin", "Feedbin"), new Known("theoldreader", "The Old Reader"),
            new Known("tiny tiny rss", "Tiny Tiny RSS"), new Known("tt-rss", "Tiny Tiny RSS"), new Known("miniflux", "Miniflux"),
            new Known("netvibes", "Netvibes"), new Known("feedfetcher-google", "Google Feedfetcher"),
            new Known("bazqux", "BazQux"), new Known("feedspot", "Feedspot"), new Known("feed wrangler", "Feed Wrangler"),
            new Known("bloglovin", "Bloglovin"), new Known("newsgator", "NewsGator"), new Known("digg", "Digg"),
            new Known("feedhq", "FeedHQ"), new Known("freshrss", "FreshRSS"), new Known("nextcloud-news", "Nextcloud News"));

    private static final Pattern SUBSCRIBERS = Pattern.compile("(?<![\\w.])(\\d{1,3}(?:,\\d{3})+|\\d{1,12})\\s+(?:subscribers?|readers?)(?=[\\s;),-]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FEED_ID = Pattern.compile("feed-?id\\s*[=:]\\s*([^\\s;,)]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEWSBLUR_SITE = Pattern.compile("newsblur\\.com/site/(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPATIBLE = Pattern.compile("\\(compatible;\\s*([^;)]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_PRODUCT = Pattern.compile("^\\s*([^/(;]+?)\\s*(?:/|\\(|;| - |$)");

    private AggregatorAgents() {}

    /** The report in this User-Agent, if it reports a subscriber count. */
    public static Optional<Report> read(String userAgent) {
        if (userAgent == null) {
            return Optional.empty();
        }
        Matcher count = SUBSCRIBERS.matcher(userAgent);
        if (!count.find()) {
            return Optional.empty();
        }
        long subscribers = Long.parseLong(count.group(1).replace(",", ""));
        if (subscribers > MOST_SUBSCRIBERS) {
            return Optional.empty();
        }
        String name = name(userAgent);
        return name.isEmpty() ? Optional.empty() : Optional.of(new Report(name, feedId(userAgent), subscribers));
    }

    private static String name(String userAgent) {
        String lower = userAgent.toLowerCase(Locale.ROOT);
        for (Known known : KNOWN) {
            if (lower.contains(known.mark())) {
                return known.name();
            }
        }
        Matcher compatible = COMPATIBLE.matcher(userAgent);
        String name = "";
        if (lower.startsWith("mozilla/") && compatible.find()) {
            name = compatible.group(1).split("/", 2)[0];
        } else {
            Matcher leading = LEADING_PRODUCT.matcher(userAgent);
            if (leading.find()) {
                name = leading.group(1);
            }
        }
        name = clean(name, LONGEST_NAME);
        return name.equalsIgnoreCase("Mozilla") ? "" : name; // a browser's string names no aggregator
    }

    private static String feedId(String userAgent) {
        Matcher id = FEED_ID.matcher(userAgent);
        if (id.find()) {
            return clean(id.group(1), LONGEST_ID);
        }
        Matcher site = NEWSBLUR_SITE.matcher(userAgent);
        return site.find() ? site.group(1) : "";
    }

    /** Printable characters only, trimmed and cut to {@code longest}. */
    private static String clean(String value, int longest) {
        StringBuilder kept = new StringBuilder();
        value.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        String trimmed = kept.toString().strip();
        return trimmed.length() > longest ? trimmed.substring(0, longest) : trimmed;
    }
}
