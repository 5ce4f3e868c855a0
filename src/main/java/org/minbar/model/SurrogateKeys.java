package org.minbar.model;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.minbar.text.PathSegments;

/**
 * The names a shared cache files served documents under (Varnish's xkey), written in this one
 * place, so that a change purges exactly the documents that show it. A feed's documents and its
 * listing page are filed under the feed ({@code site}, {@code category:<slug>}, {@code author:<slug>},
 * {@code tag:<slug>}, slugs percent-encoded so the header stays ASCII); documents that may show
 * any article (search feeds, the site's comments feed, the feed list) under {@code site}, which
 * every change touches; an article's own page and comments feed, and each RFC 5005 archive, under
 * the articles they hold ({@code article:<id>}), since an archive changes only when one of its
 * articles is edited or deleted. A change purges the keys of every feed it touched and of its article.
 */
public final class SurrogateKeys {

    /** The response header naming a document's keys, separated by spaces; what vmod xkey reads. */
    public static final String HEADER = "xkey";
    /** The request header that names the keys a PURGE drops, separated by spaces. */
    public static final String PURGE_HEADER = "xkey-purge";

    private static final String SITE = "site";

    private SurrogateKeys() {}

    /** The key of a feed: every document of it (its pages, in every format) and its listing page. */
    public static String of(FeedKey feed) {
        if (feed.kind() == FeedKind.SITE || feed.kind() == FeedKind.SEARCH) {
            return SITE; // a search may find any article, as the site's feed holds every one
        }
        return feed.kind().pathSegment().orElseThrow() + ":" + PathSegments.encode(feed.slug());
    }

    /** The key of one article: its page, its comments feed, the archives that hold it. */
    public static String article(long articleId) {
        return "article:" + articleId;
    }

    /** The keys of a document that may show any article: search feeds, the site's comments feed, the feed list. */
    public static List<String> anyArticle() {
        return List.of(SITE);
    }

    /** The keys of an RFC 5005 archive: its articles, live or deleted, whose edits alone change it. */
    public static List<String> archive(Collection<Long> articleIds) {
        return articleIds.stream().map(SurrogateKeys::article).distinct().toList();
    }

    /** What a change to this article, touching these feeds (before and after it), purges. */
    public static Set<String> ofChange(long articleId, Collection<FeedKey> feeds) {
        Set<String> keys = new LinkedHashSet<>();
        feeds.forEach(feed -> keys.add(of(feed)));
        keys.add(article(articleId));
        return keys;
    }

    /** The header's value: the keys separated by spaces. */
    public static String header(Collection<String> keys) {
        return String.join(" ", keys);
    }
}
