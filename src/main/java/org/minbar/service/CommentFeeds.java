package org.minbar.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.minbar.model.Article;
import org.minbar.model.FeedFormat;
import org.minbar.model.SurrogateKeys;
import org.minbar.publish.CommentsFeedWriter;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.Database;

/**
 * Serves the comments feeds WordPress subscribers may hold ({@link CommentsFeedWriter}): empty,
 * valid documents, dated by the article they are of (or the site's last change), so their ETag
 * and Last-Modified stay put.
 */
public final class CommentFeeds {

    private final Database database;
    private final SiteLinks links;
    private final CommentsFeedWriter writer;
    private final ArticleStore articles = new ArticleStore();

    public CommentFeeds(Database database, SiteLinks links, CommentsFeedWriter writer) {
        this.database = database;
        this.links = links;
        this.writer = writer;
    }

    /** The site's comments feed, /comments/feed/. */
    public RenderedFeed site(FeedFormat format) {
        Instant updated = database.read(articles::lastChange).orElse(Instant.EPOCH);
        return rendered(format, Optional.empty(), Optional.empty(), updated, SurrogateKeys.anyArticle());
    }

    /** The comments feed of the article at {@code path} (yyyy/MM/dd/slug); 404 when there is none, 410 once deleted. */
    public RenderedFeed article(String path, FeedFormat format) {
        ArticlePaths.Found found = database.read(connection -> ArticlePaths.find(connection, articles, path))
                .orElseThrow(() -> new NotFoundException("no article at /" + path + (path.endsWith("/") ? "" : "/")));
        if (!found.path().equals(path)) {
            throw new RelocatedException(links.comments(Optional.of(found.path()), format));
        }
        Article article = database.read(connection -> articles.find(connection, found.id()).orElseThrow());
        if (article.isDeleted()) {
            throw new GoneException("this article was deleted");
        }
        return rendered(format, Optional.of(article.path()), Optional.of(article.title()), article.updated(),
                List.of(SurrogateKeys.article(article.id())));
    }

    private RenderedFeed rendered(FeedFormat format, Optional<String> path, Optional<String> title, Instant updated,
                                  List<String> surrogateKeys) {
        Instant when = updated.truncatedTo(ChronoUnit.SECONDS);
        byte[] body = writer.write(format, path, title, when);
        return RenderedFeed.of(format.mediaType(), body, when,
                links.comments(path, format), List.of(), surrogateKeys);
    }
}
