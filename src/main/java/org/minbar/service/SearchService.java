package org.minbar.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minbar.config.SiteConfig;
import org.minbar.model.Article;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.Problem;
import org.minbar.model.SurrogateKeys;
import org.minbar.publish.FeedChannel;
import org.minbar.publish.FeedItem;
import org.minbar.publish.FeedRenderer;
import org.minbar.publish.HtmlPages;
import org.minbar.publish.Paging;
import org.minbar.publish.SiteLinks;
import org.minbar.related.ArticleSearch;
import org.minbar.related.SearchHit;
import org.minbar.storage.ArticleStore;
import org.minbar.storage.Database;

/**
 * Search, as JSON results with highlights, as an HTML page, and as RSS, Atom and JSON feeds of the matching articles,
 * through the index's Arabic analysis. A query is plain text: empty, too long, or with no word
 * left after analysis is a 400 naming the problem.
 */
public final class SearchService {

    public static final int MAX_QUERY = 200;

    /** A result as the API gives it. */
    public record Result(long id, String title, String link, String published, double score,
                         String titleHighlight, String textHighlight) {}

    private final Database database;
    private final ArticleSearch search;
    private final SiteConfig site;
    private final SiteLinks links;
    private final FeedRenderer renderer;
    private final Clock clock;
    private final ArticleStore articles = new ArticleStore();
    private final RelatedStories related;
    private final HtmlPages pages;
    private final SiteSections sections;

    public SearchService(Database database, ArticleSearch search, SiteConfig site, SiteLinks links, FeedRenderer renderer,
                         Clock clock) {
        this.database = database;
        this.search = search;
        this.site = site;
        this.links = links;
        this.renderer = renderer;
        this.clock = clock;
        this.related = new RelatedStories(articles, links);
        this.pages = new HtmlPages(site, links);
        this.sections = new SiteSections(site);
    }

    public List<Result> results(String query) {
        List<SearchHit> hits = hits(query);
        Map<Long, Article> byId = new HashMap<>();
        database.read(connection -> articles.load(connection, hits.stream().map(SearchHit::id).toList()))
                .forEach(article -> byId.put(article.id(), article));
        List<Result> results = new ArrayList<>();
        for (SearchHit hit : hits) {
            Article article = byId.get(hit.id());
            if (article != null && !article.isDeleted()) {
                results.add(new Result(article.id(), article.title(), links.article(article), article.published().toString(), hit.score(),
                        hit.titleHighlight(), hit.textHighlight()));
            }
        }
        return results;
    }

    /**
     * Page {@code page} of the results as an HTML page (WordPress's /?s=…&paged=N), advertising the
     * search feeds; a page past the last is a {@link NotFoundException}.
     */
    public String page(String query, int page) {
        String clean = checked(query);
        if (search.words(clean).isEmpty()) {
            throw invalid("has no word to search for once common words and punctuation are left out");
        }
        int perPage = PageService.PER_PAGE;
        ArticleSearch.Matches matches = search.page(clean, (page - 1) * perPage, perPage, clock.instant());
        int reachable = Math.min(matches.total(), ArticleSearch.RANKED);
        int last = Paging.pages(reachable, perPage);
        if (page > last) {
            throw new NotFoundException("no page " + page + " of the results: there " + (last == 1 ? "is 1 page" : "are " + last + " pages"));
        }
        List<Long> ids = matches.hits().stream().map(SearchHit::id).toList();
        return database.read(connection -> {
            Map<Long, Article> byId = new HashMap<>();
            articles.load(connection, ids).forEach(article -> byId.put(article.id(), article));
            List<Article> found = ids.stream().map(byId::get).filter(a -> a != null && !a.isDeleted()).toList();
            return sections.on(pages, connection).search(clean, matches.total(), found,
                    new Paging(page, last, n -> links.search(clean, n)));
        });
    }

    public RenderedFeed feed(String query, FeedFormat format) {
        String clean = checked(query);
        List<SearchHit> hits = hits(clean);
        FeedKey key = new FeedKey(org.minbar.model.FeedKind.SEARCH, clean);
        return database.read(connection -> {
            List<FeedItem> items = new ArrayList<>();
            for (Article article : articles.load(connection, hits.stream().map(SearchHit::id).toList())) {
                if (!article.isDeleted()) {
                    items.add(new FeedItem(article, links.article(article), related.of(connection, article)));
                }
            }
            Instant lastChange = articles.lastChange(connection).orElse(Instant.EPOCH);
            FeedChannel channel = new FeedChannel(key, "نتائج البحث عن «" + clean + "» – " + site.title(),
                    "أحدث المقالات المطابقة لـ «" + clean + "» على " + site.title(), site.language(), lastChange, List.of());
            byte[] body = renderer.render(format, channel, items);
            return RenderedFeed.of(format.mediaType(), body, lastChange,
                    links.self(channel, format), links.hubsOf(channel), SurrogateKeys.anyArticle());
        });
    }

    private List<SearchHit> hits(String query) {
        String clean = checked(query);
        if (search.words(clean).isEmpty()) {
            throw invalid("has no word to search for once common words and punctuation are left out");
        }
        return search.search(clean, site.itemsPerFeed(), clock.instant());
    }

    private static String checked(String query) {
        String clean = query == null ? "" : org.minbar.text.CleanText.line(query);
        if (clean.isEmpty()) {
            throw invalid("is required: the words to search for");
        }
        if (clean.length() > MAX_QUERY) {
            throw invalid("must be at most " + MAX_QUERY + " characters (it has " + clean.length() + ")");
        }
        return clean;
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("q " + message, List.of(new Problem("q", message)), false);
    }
}
