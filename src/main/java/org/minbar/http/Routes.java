package org.minbar.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Deque;
import java.util.List;
import org.minbar.model.FeedAddress;
import org.minbar.model.FeedKind;
import org.minbar.publish.AdminPages;
import org.minbar.publish.SiteLinks;
import org.minbar.service.ArticleService;
import org.minbar.service.AtomPubService;
import org.minbar.service.BackupService;
import org.minbar.service.CommentFeeds;
import org.minbar.service.FeedService;
import org.minbar.service.Health;
import org.minbar.service.PageService;
import org.minbar.service.SearchService;
import org.minbar.service.SubscriberStatistics;
import org.minbar.service.WebSubService;
import org.minbar.service.WordPressAddresses;

/**
 * Every route the server answers, in one table; feed documents, whatever their kind and format,
 * are {@link FeedRouter}'s. Feed and page addresses follow WordPress's scheme; the same address
 * without its trailing slash redirects to it, as WordPress does.
 * Handlers that touch the database run on worker threads; writes need the bearer token.
 */
public final class Routes {

    /** What the routes need from the rest of the server. */
    public record Services(ArticleService articles, FeedService feeds, PageService pages, AtomPubService atomPub,
                           SearchService search, WebSubService webSub, Health health, BackupService backups,
                           SiteLinks links, CommentFeeds comments, WordPressAddresses wordPress,
                           PrometheusMeterRegistry metrics, SubscriberStatistics statistics) {}

    /**
     * HTTP settings: the publishing token, the largest request body, feeds' max-age, and whether
     * polls of feeds are counted for the subscriber statistics.
     */
    public record Settings(String token, int maxBodyBytes, int cacheMaxAgeSeconds, boolean countPolls) {}

    private Routes() {}

    /**
     * The most a request body may carry at all (Undertow's entity limit): the largest body, and
     * what is read past it and thrown away so that an oversized one gets its 413 ({@link BodyFirst}).
     */
    public static long maxEntityBytes(int maxBodyBytes) {
        return BodyFirst.mostRead(maxBodyBytes);
    }

    public static HttpHandler build(Services services, Settings settings) {
        RoutingHandler routes = new RoutingHandler();
        AuthFailures authFailures = new AuthFailures();
        PageHandlers pages = new PageHandlers(services.pages(), services.health(), settings.cacheMaxAgeSeconds());
        ArticleHandlers api = new ArticleHandlers(services.articles(), services.links());
        AtomPubHandlers atomPub = new AtomPubHandlers(services.atomPub());

        SearchHandlers search = new SearchHandlers(services.search(), settings.cacheMaxAgeSeconds());
        WordPressQueries wordPress = new WordPressQueries(services.wordPress());
        read(routes, "/", blocking(exchange -> {
            if (wordPress.answer(exchange)) {
                return;
            }
            if (SearchHandlers.isSearch(exchange)) {
                search.wordPressStyle(exchange);
            } else {
                pages.home(exchange);
            }
        }));
        page(routes, "/search/{q}", blocking(search::page));
        read(routes, "/api/search", blocking(search::api));
        read(routes, "/healthz", blocking(pages::health));
        read(routes, "/readyz", blocking(pages::ready));
        read(routes, SiteLinks.OPML, blocking(pages::opml));
        // Prometheus scrapes with the token: `authorization: {credentials_file: …}` in its job.
        read(routes, "/metrics", new BearerAuth(settings.token(), authFailures, blocking(exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
            exchange.getResponseSender().send(services.metrics().scrape(), StandardCharsets.UTF_8);
        })));

        page(routes, SiteLinks.FEEDS_PAGE, blocking(pages::feeds));
        // WordPress's /page/N/ of a listing is the same listing's ?paged=N (FeedAddress.pagePath).
        page(routes, "/" + FeedAddress.PAGED_SEGMENT + "/{n}", new ErrorHandler(PageHandlers.pagedRedirect(FeedKind.SITE)));
        for (FeedKind kind : FeedKind.values()) {
            if (kind.isTerm() || kind == FeedKind.SEARCH) {
                String listing = "/" + kind.pathSegment().orElseThrow() + "/{" + (kind == FeedKind.SEARCH ? "q" : "slug") + "}";
                page(routes, listing + "/" + FeedAddress.PAGED_SEGMENT + "/{n}",
                        new ErrorHandler(PageHandlers.pagedRedirect(kind)));
            }
            if (kind.isTerm()) {
                page(routes, "/" + kind.pathSegment().orElseThrow() + "/{slug}", blocking(pages.listing(kind)));
            }
        }
        page(routes, "/{year}/{month}/{day}/{slug}", blocking(pages::article));
        CommentFeedHandlers comments = new CommentFeedHandlers(services.comments(), settings.cacheMaxAgeSeconds());
        page(routes, "/comments/feed", blocking(comments::siteRss));
        page(routes, "/comments/feed/atom", blocking(comments::siteAtom));
        page(routes, "/comments/feed/rss2", comments::rss2);
        page(routes, "/{year}/{month}/{day}/{slug}/feed", blocking(comments::articleRss));
        page(routes, "/{year}/{month}/{day}/{slug}/feed/atom", blocking(comments::articleAtom));
        page(routes, "/{year}/{month}/{day}/{slug}/feed/rss2", comments::rss2);

        routes.post("/api/articles", writing(settings, authFailures, blocking(api::create)));
        routes.post("/api/backup", blocking(new BearerAuth(settings.token(), authFailures, new BackupHandler(services.backups())::handle)));
        routes.post("/api/articles/batch", writing(settings, authFailures, blocking(new BatchHandler(services.articles())::handle)));
        read(routes, "/api/articles/{id}", blocking(api::get));
        read(routes, "/api/articles/{id}/related", blocking(api::related));
        routes.put("/api/articles/{id}", writing(settings, authFailures, blocking(api::replace)));
        routes.delete("/api/articles/{id}", blocking(new BearerAuth(settings.token(), authFailures, api::delete)));

        read(routes, "/atompub/service", blocking(atomPub::service));
        read(routes, "/atompub/categories", blocking(atomPub::categories));
        read(routes, "/atompub/tags", blocking(atomPub::tags));
        read(routes, "/atompub/articles", blocking(atomPub::collection));
        routes.post("/atompub/articles", writing(settings, authFailures, blocking(atomPub::create)));
        read(routes, "/atompub/articles/{id}", blocking(atomPub::get));
        routes.put("/atompub/articles/{id}", writing(settings, authFailures, blocking(atomPub::replace)));
        routes.delete("/atompub/articles/{id}", blocking(new BearerAuth(settings.token(), authFailures, atomPub::delete)));

        AdminHandlers admin = new AdminHandlers(services.statistics(), new AdminPages(services.links().site()),
                new AdminSession(settings.token(), services.links().home().startsWith("https:"), Clock.systemUTC()),
                authFailures, settings.token());
        page(routes, AdminPages.HOME, admin.page(blocking(admin::overview)));
        page(routes, AdminPages.FEED, admin.page(blocking(admin::feed)));
        routes.post(AdminPages.LOGIN, new BodyFirst(AdminHandlers.MAX_LOGIN_BYTES, blocking(admin::login)));
        routes.post(AdminPages.LOGOUT, admin::logout);
        read(routes, "/api/stats", admin.api(blocking(admin::json)));

        WebSubHandlers webSub = new WebSubHandlers(services.webSub());
        routes.post("/websub", new BodyFirst(WebSubHandlers.MAX_BODY_BYTES, blocking(webSub::request)));
        read(routes, "/websub", blocking(webSub::about));

        routes.setFallbackHandler(exchange -> ErrorHandler.send(exchange,
                new HttpError(404, "nothing at " + exchange.getRequestPath())));
        routes.setInvalidMethodHandler(exchange -> ErrorHandler.send(exchange,
                new HttpError(405, exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath())));
        FeedRouter.Documents documents = new FeedHandler(services.feeds(), settings.cacheMaxAgeSeconds());
        if (settings.countPolls()) {
            documents = new PollRecording(documents, services.statistics());
        }
        FeedRouter feeds = new FeedRouter(documents, search::feed,
                services.feeds()::canonical, new TrailingSlash(routes));
        return new HtmlErrors(services.pages()::error, new RequestMetrics(services.metrics(),
                new ErrorHandler(new StrictFraming(new ConnectionsPerAddress(new PathGuard(feeds))))));
    }

    static String param(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getPathParameters().get(name);
        if (values == null || values.isEmpty()) {
            values = exchange.getQueryParameters().get(name); // where RoutingHandler puts template values
        }
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    /** GET and HEAD on "path/"; Undertow matches the address without its trailing slash too. */
    private static void page(RoutingHandler routes, String path, HttpHandler handler) {
        read(routes, path.endsWith("/") ? path : path + "/", handler);
    }

    private static void read(RoutingHandler routes, String path, HttpHandler handler) {
        for (HttpString method : List.of(Methods.GET, Methods.HEAD)) {
            routes.add(method, path, handler);
        }
    }

    /**
     * An authenticated write with a body: the token is checked from the headers, then the body is
     * read without a worker thread ({@link BodyFirst}), then the handler runs on a worker.
     */
    private static HttpHandler writing(Settings settings, AuthFailures authFailures, HttpHandler handler) {
        return new BearerAuth(settings.token(), authFailures, new BodyFirst(settings.maxBodyBytes(), handler));
    }

    private static HttpHandler blocking(HttpHandler handler) {
        return new BlockingHandler(new ErrorHandler(handler));
    }
}
