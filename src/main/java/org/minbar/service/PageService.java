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
import org.minbar.publish.Paging;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.AuthorStore;
import org.minbar.storage.Database;
import org.minbar.storage.FeedQuery;
import org.minbar.storage.Terms;

/**
 * The reader pages (home, category, author and tag listings a page at a time, article pages, 410
 * once deleted, the list of every feed, error pages) and the OPML list of feeds.
 */
public final class PageService {

    /** Articles on a page of a listing. */
    public static final int PER_PAGE = 10;

    private final Database database;
    private final SiteConfig site;
    private final HtmlPages pages;
    private final SiteSections sections;
    private final OpmlDocument opml;
    private final ArticleStore articles = new ArticleStore();
    private final AuthorStore authors = new AuthorStore();
    private final Terms categories = Terms.categories();
    private final Terms tags = Terms.tags();
    private final RelatedStories related;

    private final SiteLinks links;

    public PageService(Database database, SiteConfig site, SiteLinks links) {
        this.database = database;
        this.site = site;
        this.links = links;
        this.pages = new HtmlPages(site, links);
        this.sections = new SiteSections(site);
        this.opml = new OpmlDocument(site, links);
        this.related = new RelatedStories(articles, links);
    }

    /** Page {@code page} of the home page: the site's articles, newest first. */
    public ServedPage home(int page) {
        return database.read(connection -> {
            FeedQuery query = FeedQuery.site(PER_PAGE);
            Paging paging = paging(connection, query, FeedKey.site(), page);
            return new ServedPage(sections.on(pages, connection).home(newest(connection, query, page), paging), SurrogateKeys.anyArticle());
        });
    }

    /** Every feed of the site: the site's, each category's, author's and tag's. */
    public ServedPage feeds() {
        return database.read(connection -> new ServedPage(sections.on(pages, connection).feeds(new HtmlPages.AllFeeds(
                categoryFeeds(connection), authorFeeds(connection),
                tags.all(connection).stream().map(t -> new FeedEntry(FeedKey.tag(t.slug()), t.name())).toList())),
                SurrogateKeys.anyArticle()));
    }

    /** The page a browser is shown for an error with this status; {@code detail} is the message a program would get. */
    public String error(int status, String detail) {
        return pages.error(status, detail);
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

    /** Page {@code page} of the listing of a category, an author or a tag. */
    public ServedPage listing(FeedKey key, int page) {
        return database.read(connection -> {
            FeedSubject subject = FeedSubject.find(connection, site, key, PER_PAGE);
            Paging paging = paging(connection, subject.query(), subject.key(), page);
            return new ServedPage(sections.on(pages, connection).listing(new FeedEntry(subject.key(), subject.name()),
                    subject.description(), newest(connection, subject.query(), page), paging), List.of(SurrogateKeys.of(subject.key())));
        });
    }

    private Paging paging(Connection connection, FeedQuery query, FeedKey key, int page) throws SQLException {
        int last = Paging.pages(query.count(connection), PER_PAGE);
        if (page > last) {
            throw new NotFoundException("no page " + page + " here: there " + (last == 1 ? "is 1 page" : "are " + last + " pages"));
        }
        return new Paging(page, last, n -> links.page(key, n));
    }

    /** The page of the article at this path (yyyy/MM/dd/slug). */
    public ServedPage article(String path) {
        return database.read(connection -> {
            ArticlePaths.Found found = ArticlePaths.find(connection, articles, path)
                    .orElseThrow(() -> new NotFoundException("no article at /" + path + (path.endsWith("/") ? "" : "/")));
            if (!found.path().equals(path)) { // a WordPress permalink: the article's own page
                throw new RelocatedException(links.articlePage(found.path()));
            }
            Article article = articles.find(connection, found.id()).orElseThrow();
            if (article.isDeleted()) {
                throw new GoneException("this article was deleted");
            }
            return new ServedPage(sections.on(pages, connection).article(article, related.of(connection, article)),
                    List.of(SurrogateKeys.article(article.id())));
        });
    }

    private List<Article> newest(Connection connection, FeedQuery query, int page) throws SQLException {
        return articles.load(connection, query.after((page - 1) * PER_PAGE).ids(connection));
    }
}
