package org.minbar.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minbar.config.SiteConfig;
import org.minbar.model.Article;
import org.minbar.model.FeedAddress;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.FeedKind;
import org.minbar.text.PathSegments;

/**
 * Every address this server publishes, absolute and percent-encoded, following WordPress's
 * scheme: feeds as {@link FeedAddress} writes them, and article pages at /{yyyy}/{mm}/{dd}/{slug}/.
 */
public final class SiteLinks {

    /** Where the page listing every feed lives. */
    public static final String FEEDS_PAGE = "/feeds/";
    /** Where the OPML list of every feed lives. */
    public static final String OPML = "/feeds.opml";

    private final SiteConfig site;

    public SiteLinks(SiteConfig site) {
        this.site = site;
    }

    /** The site these links are of. */
    public SiteConfig site() {
        return site;
    }

    public String home() {
        return site.absolute("/");
    }

    /**
     * The taxonomy a category or tag belongs to, as RSS's category {@code domain} and Atom's
     * {@code scheme} name it, so readers tell categories from tags: {base}/category/, {base}/tag/.
     */
    public String taxonomy(FeedKind kind) {
        return site.absolute("/" + kind.pathSegment().orElseThrow() + "/");
    }

    /** The page listing a feed's articles: the home page, or a category's or author's page. */
    public String page(FeedKey key) {
        return site.absolute(FeedAddress.pagePath(key));
    }

    /** Page {@code page} of a listing page: its own address for 1, then ?paged=N. */
    public String page(FeedKey key, int page) {
        return site.absolute(FeedAddress.pagePath(key, page));
    }

    /** Page {@code page} of the results of a search, as WordPress addresses them: /?s={query}&paged=N. */
    public String search(String query, int page) {
        return site.absolute("/?s=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)
                + (page == 1 ? "" : "&" + FeedAddress.PAGED + "=" + page));
    }

    /** The page listing every feed of the site. */
    public String feedsPage() {
        return site.absolute(FEEDS_PAGE);
    }

    /** The OPML list of every feed. */
    public String opml() {
        return site.absolute(OPML);
    }

    public String feed(FeedKey key, FeedFormat format) {
        return feed(FeedAddress.of(key, format));
    }

    public String feed(FeedAddress address) {
        return site.absolute(address.path());
    }

    /** A page of the feed, as WordPress numbers them: ?paged=N, page 1 being the feed's own address. */
    public String feed(FeedKey key, FeedFormat format, int page) {
        return feed(key, format) + (page == 1 ? "" : "?" + FeedAddress.PAGED + "=" + page);
    }

    /** RFC 5005 archive document {@code archive} (1 is the oldest) of the feed in this format. */
    public String archive(FeedKey key, FeedFormat format, int archive) {
        return feed(FeedAddress.archive(key, format, archive));
    }

    /**
     * A comments feed as WordPress addressed it: the site's /comments/feed/, or an article's
     * /{yyyy}/{mm}/{dd}/{slug}/feed/; "atom/" after either for Atom.
     */
    public String comments(Optional<String> articlePath, FeedFormat format) {
        String prefix = articlePath.map(path -> "/" + PathSegments.encodePath(path) + "/").orElse("/comments/");
        return site.absolute(prefix + "feed/" + format.pathSuffix());
    }

    /** This server's WebSub hub, where subscribers send hub.mode=subscribe. */
    private String hub() {
        return site.absolute("/websub");
    }

    /** Hubs configured beside ours, pinged after every write and advertised in every feed. */
    public List<String> externalHubs() {
        return site.websub().externalHubs();
    }

    /** The address a feed document names as its own: one page of its feed, or one of its archives. */
    public String self(FeedChannel channel, FeedFormat format) {
        return channel.isArchive() ? archive(channel.key(), format, channel.archive())
                : feed(channel.key(), format, channel.page());
    }

    /**
     * The WebSub hubs a feed document advertises: ours and the external ones, on a feed's first page
     * only; later pages, archives and search results are not topics, and name none.
     */
    public List<String> hubsOf(FeedChannel channel) {
        if (!channel.isTopic() || channel.key().kind() == FeedKind.SEARCH) {
            return List.of();
        }
        List<String> hubs = new ArrayList<>();
        hubs.add(hub());
        hubs.addAll(externalHubs());
        return hubs;
    }

    public String articlePage(String path) {
        return site.absolute("/" + PathSegments.encodePath(path) + "/");
    }

    /** Where an item's link points: the publisher's canonical URL if it gave one, else our page. */
    public String article(Optional<String> url, String path) {
        return url.orElseGet(() -> articlePage(path));
    }

    public String article(Article article) {
        return article(article.url(), article.path());
    }

    public String atomPubService() {
        return site.absolute("/atompub/service");
    }

    public String atomPubCategories() {
        return site.absolute("/atompub/categories");
    }

    public String atomPubTags() {
        return site.absolute("/atompub/tags");
    }

    /** The collection of articles, or one page of it (page 1 is the collection's own address). */
    public String atomPubCollection(int page) {
        return site.absolute("/atompub/articles" + (page == 1 ? "" : "?page=" + page));
    }

    public String atomPubMember(long id) {
        return site.absolute("/atompub/articles/" + id);
    }
}
