package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.minbar.config.SiteConfig;
import org.minbar.model.Article;
import org.minbar.model.FeedKey;
import org.minbar.model.SurrogateKeys;
import org.minbar.publish.HtmlPages;
import org.minbar.publish.HtmlPages.FeedEntry;
import org.minbar.publish.OpmlDocument;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.AuthorStore;
import org.minbar.storage.Database;
import org.minbar.storage.FeedQuery;
import org.minbar.storage.Terms;

/** The HTML pages (home, category and author listings, article pages, 410 once deleted) and the OPML list of feeds. */
public final class PageService {

    private static final int LISTED = 20;

    private final Database database;
    private final SiteConfig site;
    private final HtmlPages pages;
    private final OpmlDocument opml;
    private final ArticleStore articles = new ArticleStore();
    private final AuthorStore authors = new AuthorStore();
    private final Terms categories = Terms.categories();
    private final RelatedStories related;

    private final SiteLinks links;

    public PageService(Database database, SiteConfig site, SiteLinks links) {
        this.database = database;
        this.site = site;
        this.links = links;
        this.pages = new HtmlPages(site, links);
        this.opml = new OpmlDocument(site, links);
        this.related = new RelatedStories(articles, links);
    }

    public ServedPage home() {
        return new ServedPage(database.read(connection -> pages.home(categoryFeeds(connection), authorFeeds(connection),
                newest(connection, FeedQuery.site(LISTED)))), SurrogateKeys.anyArticle());
    }

    /** OPML listing every feed, for subscribing to all in one import. */
    public byte[] opml() {
        return database.read(connection -> opml.render(categoryFeeds(connection), authorFeeds(connection)));
    }

    private List<FeedEntry> categoryFeeds(Connection connection) throws SQLException {
        return categories.all(connection).stream().map(c -> new FeedEntry(FeedKey.category(c.slug()),
                FeedSubject.display(site.categories(), c.slug(), c.name()).map(d -> d.name()).orElse(c.name()))).toList();
    }

    private List<FeedEntry> authorFeeds(Connection connection) throws SQLException {
        return authors.all(connection).stream().map(a -> new FeedEntry(FeedKey.author(a.slug()),
                FeedSubject.display(site.authors(), a.slug(), a.name()).map(d -> d.name()).orElse(a.name()))).toList();
    }

    /** The page of a category or an author. */
    public ServedPage listing(FeedKey key) {
        return database.read(connection -> {
            FeedSubject subject = FeedSubject.find(connection, site, key, LISTED);
            return new ServedPage(pages.listing(new FeedEntry(subject.key(), subject.name()), subject.description(),
                    newest(connection, subject.query())), List.of(SurrogateKeys.of(subject.key())));
        });
    }

    /** The page of the article at this path (yyyy/MM/dd/slug). */
    public ServedPage article(String path) {
        return database.read(connection -> {
            ArticlePaths.Found found = ArticlePaths.find(connection, articles, path)
                    .orElseThrow(() -> new NotFoundException("no article at /" + path + "/"));
            if (!found.path().equals(path)) { // a WordPress permalink: the article's own page
                throw new RelocatedException(links.articlePage(found.path()));
            }
            Article article = articles.find(connection, found.id()).orElseThrow();
            if (article.isDeleted()) {
                throw new GoneException("this article was deleted");
            }
            return new ServedPage(pages.article(article, related.of(connection, article)),
                    List.of(SurrogateKeys.article(article.id())));
        });
    }

    private List<Article> newest(Connection connection, FeedQuery query) throws SQLException {
        return articles.load(connection, query.ids(connection));
    }
}
