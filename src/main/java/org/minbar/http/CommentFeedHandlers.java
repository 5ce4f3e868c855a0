package org.minbar.http;

import io.undertow.server.HttpServerExchange;
import org.minbar.model.FeedFormat;
import org.minbar.service.CommentFeeds;

/**
 * WordPress's comments feeds: /comments/feed/ and a post's /{yyyy}/{mm}/{dd}/{slug}/feed/, in RSS
 * 2.0 or under atom/ in Atom; rss2/ after either is redirected to the RSS address.
 */
final class CommentFeedHandlers {

    private final CommentFeeds comments;
    private final String cacheControl;

    CommentFeedHandlers(CommentFeeds comments, int maxAgeSeconds) {
        this.comments = comments;
        this.cacheControl = CacheControl.shared(maxAgeSeconds);
    }

    void siteRss(HttpServerExchange exchange) {
        FeedResponses.send(exchange, comments.site(FeedFormat.RSS), cacheControl);
    }

    void siteAtom(HttpServerExchange exchange) {
        FeedResponses.send(exchange, comments.site(FeedFormat.ATOM), cacheControl);
    }

    void articleRss(HttpServerExchange exchange) {
        FeedResponses.send(exchange, comments.article(articlePath(exchange), FeedFormat.RSS), cacheControl);
    }

    void articleAtom(HttpServerExchange exchange) {
        FeedResponses.send(exchange, comments.article(articlePath(exchange), FeedFormat.ATOM), cacheControl);
    }

    /** …/feed/rss2/: the same feed's RSS address. */
    void rss2(HttpServerExchange exchange) {
        String path = TrailingSlash.rawPath(exchange);
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        Moved.send(exchange, bare.substring(0, bare.length() - "rss2/".length()));
    }

    static String articlePath(HttpServerExchange exchange) {
        return String.join("/", Routes.param(exchange, "year"), Routes.param(exchange, "month"),
                Routes.param(exchange, "day"), Routes.param(exchange, "slug"));
    }
}
