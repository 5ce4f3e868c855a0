package org.minbar.websub;

import java.net.URI;
import java.util.Optional;
import org.minbar.model.FeedAddress;
import org.minbar.model.FeedKind;
import org.minbar.text.WebAddresses;

/**
 * Reads a topic URL as one of this site's feeds ({@link FeedAddress}): the first page of the site,
 * a category, an author or a tag feed in RSS, Atom or JSON Feed. Accepts the address as an IRI or
 * percent-encoded, with or without its trailing slash; anything else (another host, a query such as
 * ?paged=2, an archive, a search feed, a page, another spelling such as /feed/rss2/ that the feed
 * itself does not name as its self) is not a topic of this hub.
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
        Optional<FeedAddress.Reading> reading;
        try {
            reading = FeedAddress.read(uri.getPath().substring(basePath.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // an archive's address with a bad number: not a topic either way
        }
        return reading
                .filter(FeedAddress.Reading::canonical)
                .map(FeedAddress.Reading::address)
                .filter(address -> !address.isArchive() && address.format().isAdvertised()
                        && address.key().kind() != FeedKind.SEARCH)
                .map(address -> new Topic(address.key(), address.format()));
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
