package org.minbar.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.minbar.text.PathSegments;

/**
 * Where a feed document lives, in WordPress's scheme, written and read in this one place:
 * {@code [/{kind}/{slug}]/feed/[{format}/][archive/{n}/]}, e.g. /feed/, /category/سوريا/feed/atom/,
 * /tag/روسيا/feed/archive/2/, /search/{query}/feed/json/. {@link #read} also understands the other
 * spellings subscribers of WordPress and Ghost sites hold (/feed/rss2/, Ghost's /rss/ and
 * /tag/{slug}/rss/), which are answered with a redirect to the canonical address.
 *
 * @param archive the RFC 5005 archive (1 is the oldest), or 0 for the feed itself
 */
public record FeedAddress(FeedKey key, FeedFormat format, int archive) {

    /** The query parameter that numbers the pages of a feed or a listing, as WordPress names it. */
    public static final String PAGED = "paged";
    /** WordPress's other spelling of a listing's page N, /page/N/ after the listing's path, which is redirected to ?paged=N. */
    public static final String PAGED_SEGMENT = "page";

    private static final String FEED = "feed";
    private static final String ARCHIVE = "archive";
    /** WordPress's name for its default format, RSS 2.0: /feed/rss2/ is /feed/. */
    private static final String RSS2 = "rss2";
    /** Ghost's feed segment, where WordPress has /feed/: always RSS 2.0. */
    private static final String GHOST_RSS = "rss";

    public FeedAddress {
        if (archive < 0 || archive > 0 && !format.hasArchives()) {
            throw new IllegalArgumentException(format.label() + " has no archive " + archive);
        }
    }

    /** The feed itself (its first page; later pages add ?paged=N). */
    public static FeedAddress of(FeedKey key, FeedFormat format) {
        return new FeedAddress(key, format, 0);
    }

    /** RFC 5005 archive {@code archive} of the feed. */
    public static FeedAddress archive(FeedKey key, FeedFormat format, int archive) {
        if (archive < 1) {
            throw new IllegalArgumentException("archives are numbered from 1");
        }
        return new FeedAddress(key, format, archive);
    }

    public boolean isArchive() {
        return archive > 0;
    }

    /** The listing page of the feed's subject: "/" for the site, "/category/{slug}/", percent-encoded. */
    public static String pagePath(FeedKey key) {
        return key.kind().pathSegment().map(segment -> "/" + segment + "/" + PathSegments.encode(key.slug()) + "/")
                .orElse("/");
    }

    /**
     * Page {@code page} of the listing page, numbered as WordPress numbers it: the page itself for 1,
     * then "?paged=N" ("/?paged=2", "/category/{slug}/?paged=3"). WordPress's /page/N/ forms are
     * redirected here ({@link #PAGED_SEGMENT}).
     */
    public static String pagePath(FeedKey key, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages are numbered from 1");
        }
        return pagePath(key) + (page == 1 ? "" : "?" + PAGED + "=" + page);
    }

    /** This address as a path on the site, percent-encoded, with its trailing slash. */
    public String path() {
        return pagePath(key) + FEED + "/" + format.pathSuffix() + (archive > 0 ? ARCHIVE + "/" + archive + "/" : "");
    }

    /** What a request path says, and whether it said it the canonical way (else it is redirected to {@link #path()}). */
    public record Reading(FeedAddress address, boolean canonical) {}

    /**
     * The feed document a request path (decoded, as the server received it, with or without its
     * trailing slash) names, if it names one.
     *
     * @throws IllegalArgumentException for an archive address whose number is not a whole number from 1
     */
    public static Optional<Reading> read(String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        List<String> written = Arrays.asList(path.substring(1).split("/", -1));
        List<String> segments = written.get(written.size() - 1).isEmpty() ? written.subList(0, written.size() - 1) : written;
        if (segments.contains("")) {
            return Optional.empty();
        }
        Optional<FeedKey> key;
        List<String> rest;
        if (!segments.isEmpty() && (segments.get(0).equals(FEED) || segments.equals(List.of(GHOST_RSS)))) {
            key = Optional.of(FeedKey.site());
            rest = segments.subList(1, segments.size());
        } else if (segments.size() >= 3 && (segments.get(2).equals(FEED) || segments.size() == 3 && segments.get(2).equals(GHOST_RSS))) {
            key = FeedKind.ofPathSegment(segments.get(0)).map(kind -> new FeedKey(kind, segments.get(1)));
            rest = segments.subList(3, segments.size());
        } else {
            return Optional.empty();
        }
        boolean ghost = segments.get(segments.size() - 1).equals(GHOST_RSS) && rest.isEmpty();
        return key.flatMap(k -> afterFeed(k, rest)).map(reading -> ghost ? new Reading(reading.address(), false) : reading);
    }

    /** [format] [archive n], after /feed/. */
    private static Optional<Reading> afterFeed(FeedKey key, List<String> rest) {
        boolean canonical = true;
        FeedFormat format = FeedFormat.RSS;
        int at = 0;
        if (at < rest.size() && !rest.get(at).equals(ARCHIVE)) {
            String segment = rest.get(at++);
            if (segment.equals(RSS2)) {
                canonical = false;
            } else {
                Optional<FeedFormat> named = FeedFormat.ofPathSegment(segment).filter(f -> !f.pathSuffix().isEmpty());
                if (named.isEmpty()) {
                    return Optional.empty();
                }
                format = named.get();
            }
        }
        int archive = 0;
        if (at < rest.size()) {
            if (!rest.get(at).equals(ARCHIVE) || at + 2 != rest.size() || !format.hasArchives()) {
                return Optional.empty();
            }
            archive = archiveNumber(rest.get(at + 1));
        }
        return Optional.of(new Reading(new FeedAddress(key, format, archive), canonical));
    }

    private static int archiveNumber(String segment) {
        if (segment.isEmpty() || segment.length() > 9 || !segment.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(segment) < 1) {
            String shown = segment.length() <= 20 ? segment : segment.substring(0, 20) + "…";
            throw new IllegalArgumentException("archive must be a whole number from 1 (got '" + shown + "')");
        }
        return Integer.parseInt(segment);
    }
}
