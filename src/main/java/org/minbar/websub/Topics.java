package org.minbar.websub;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.FeedKind;
import org.minbar.text.WebAddresses;

/**
 * Reads a topic URL as one of this site's feeds: the first page of the site, a category, an author
 * or a tag feed in RSS, Atom or JSON Feed. Accepts the address as an IRI or percent-encoded, with
 * or without its trailing slash; anything else (another host, a query such as ?paged=2, a search
 * feed, a page) is not a topic of this hub.
 */
public final class Topics {

    private final URI base;

    /** @param baseUrl the site's public address, as in SiteConfig (no trailing slash) */
    public Topics(String baseUrl) {
        this.base = URI.create(baseUrl);
    }

    public Optional<Topic> parse(String raw) {
        URI uri;
        try {
            uri = URI.create(WebAddresses.toUri(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String basePath = base.getPath() == null ? "" : base.getPath();
        if (!uri.getScheme().equalsIgnoreCase(base.getScheme()) || !uri.getHost().equalsIgnoreCase(base.getHost())
                || port(uri) != port(base) || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !uri.getPath().startsWith(basePath + "/")) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>(List.of(uri.getPath().substring(basePath.length() + 1).split("/")));
        if (segments.isEmpty() || segments.contains("")) {
            return Optional.empty();
        }
        Optional<FeedKey> key = segments.get(0).equals("feed") ? Optional.of(FeedKey.site()) : keyOf(segments);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        List<String> afterFeed = key.get().kind() == FeedKind.SITE ? segments.subList(1, segments.size())
                : segments.subList(3, segments.size());
        return format(afterFeed).map(format -> new Topic(key.get(), format));
    }

    /** category|author|tag, a slug, then "feed". */
    private static Optional<FeedKey> keyOf(List<String> segments) {
        if (segments.size() < 3 || !segments.get(2).equals("feed")) {
            return Optional.empty();
        }
        return FeedKind.ofPathSegment(segments.get(0)).filter(FeedKind::isTerm)
                .map(kind -> new FeedKey(kind, segments.get(1)));
    }

    /** Nothing after /feed/ is RSS; "atom" or "json" the others. */
    private static Optional<FeedFormat> format(List<String> afterFeed) {
        String suffix = afterFeed.isEmpty() ? "" : afterFeed.size() == 1 ? afterFeed.get(0).toLowerCase(Locale.ROOT) + "/" : null;
        for (FeedFormat format : FeedFormat.values()) {
            if (format.pathSuffix().equals(suffix)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
