package org.minbar;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.accesslog.AccessLogHandler;
import io.undertow.util.Headers;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.minbar.config.ConfigException;
import org.minbar.config.FeedsDirectory;
import org.minbar.config.PublishingToken;
import org.minbar.config.SiteConfig;
import org.minbar.http.AccessLog;
import org.minbar.http.Routes;
import org.minbar.publish.AtomPubDocuments;
import org.minbar.related.ArticleSearch;
import org.minbar.publish.CacheLifetimes;
import org.minbar.publish.CommentsFeedWriter;
import org.minbar.publish.FeedRenderer;
import org.minbar.publish.SiteLinks;
import org.minbar.service.ArticleService;
import org.minbar.service.BackupService;
import org.minbar.service.CommentFeeds;
import org.minbar.service.AtomPubService;
import org.minbar.service.ExternalChanges;
import org.minbar.service.FeedService;
import org.minbar.service.Health;
import org.minbar.service.CachePurger;
import org.minbar.service.HubDispatcher;
import org.minbar.service.PageService;
import org.minbar.service.SearchService;
import org.minbar.service.SeedImport;
import org.minbar.service.ServerMetrics;
import org.minbar.service.SubscriberStatistics;
import org.minbar.service.WebSubService;
import org.minbar.service.WordPressAddresses;
import org.minbar.storage.Database;
import org.minbar.storage.PostgresDatabase;
import org.minbar.storage.StorageFolder;
import org.minbar.websub.Backoff;
import org.minbar.websub.CallbackGuard;
import org.minbar.websub.HubClient;
import org.minbar.websub.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: wires configuration, storage, services and routes, and owns Undertow and
 * the database. It binds its port before building the routes, so that with port 0 the base URL
 * can name the port actually given.
 */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    static final String NAME = "Minbar";
    static final String VERSION = "0.1.0";
    /** The search index's folder inside the storage folder. */
    public static final String INDEX_FOLDER = "index";

    /** How long requests under way may take to finish when the server stops: within Docker's 10 s before it kills. */
    static final Duration DRAIN = Duration.ofSeconds(8);

    private final Undertow undertow;
    private final GracefulShutdownHandler draining;
    private final Publishing publishing;
    private final ExternalChanges externalChanges;
    private final WebSubService webSub;
    private final HubDispatcher dispatcher;
    private final Optional<CachePurger> purger;
    private final ServerMetrics serverMetrics;
    private final SubscriberStatistics statistics;
    private final AccessLog accessLog; // null when off
    private final SiteConfig site;
    private final int port;
    private final PublishingToken.Resolved token;

    private App(Undertow undertow, GracefulShutdownHandler draining, Publishing publishing, ExternalChanges externalChanges,
                WebSubService webSub, HubDispatcher dispatcher, Optional<CachePurger> purger, ServerMetrics serverMetrics,
                SubscriberStatistics statistics,
                AccessLog accessLog, SiteConfig site, int port,
                PublishingToken.Resolved token) {
        this.undertow = undertow;
        this.draining = draining;
        this.publishing = publishing;
        this.externalChanges = externalChanges;
        this.webSub = webSub;
        this.dispatcher = dispatcher;
        this.purger = purger;
        this.serverMetrics = serverMetrics;
        this.statistics = statistics;
        this.accessLog = accessLog;
        this.site = site;
        this.port = port;
        this.token = token;
    }

    /**
     * Starts serving at once: derived data (the search index, related stories) is brought up to
     * date in the background, from the change log, so a large store serves its feeds within seconds.
     */
    public static App start(ServerSettings settings) {
        AtomicReference<HttpHandler> routes = new AtomicReference<>(exchange -> { // until the store is open
            exchange.setStatusCode(503);
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, 2);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
            exchange.getResponseSender().send("Minbar is starting: its store is being opened; try again in a moment\n");
        });
        // Requests under way when the server is told to stop are finished first; new ones get 503.
        GracefulShutdownHandler draining = Handlers.gracefulShutdown(exchange -> routes.get().handleRequest(exchange));
        AccessLog accessLog = settings.accessLog() ? new AccessLog() : null;
        HttpHandler served = accessLog == null ? draining // the 503s of a drain are logged too
                : new AccessLogHandler(draining, accessLog, "combined", App.class.getClassLoader());
        Undertow undertow = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, Routes.maxEntityBytes(settings.maxBodyBytes()))
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 30_000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 120_000)
                .setHandler(served)
                .build();
        try {
            listen(undertow, settings); // first: a busy port is told before anything is created
        } catch (RuntimeException e) {
            closeQuietly(accessLog);
            throw e;
        }
        Publishing publishing = null;
        WebSubService webSub = null;
        HubDispatcher dispatcher = null;
        Optional<CachePurger> purger = Optional.empty();
        PrometheusMeterRegistry metrics = null;
        ServerMetrics serverMetrics = null;
        SubscriberStatistics statistics = null;
        try {
            int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
            SiteConfig site = FeedsDirectory.load(settings.feeds(), settings.baseUrl(), fallbackBaseUrl(settings.host(), port));
            StorageFolder.requireUsable(settings.storage()); // nothing is created before the settings are known good
            BaseUrlCheck.mismatch(site.baseUrl(), port).ifPresent(LOG::warn);
            PublishingToken.Resolved token = PublishingToken.resolve(settings.token(), settings.storage());
            Clock clock = Clock.systemUTC();
            publishing = Publishing.forServer(settings.storage(), settings.store(), site, clock);
            Database database = publishing.database;
            SiteLinks links = publishing.links;
            int archived = publishing.history.catchUp(database);
            if (archived > 0) {
                LOG.info("moved the oldest articles of overfull feeds into {} new archive pages", archived);
            }
            ArticleService articles = publishing.articles;
            FeedRenderer renderer = new FeedRenderer(site, links, NAME, VERSION,
                    new CacheLifetimes(settings.cacheMaxAgeSeconds()));
            FeedService feeds = new FeedService(database, site, links, renderer, publishing.cache, clock);
            CallbackGuard guard = new CallbackGuard(site.websub().allowPrivateCallbacks());
            HubClient hubClient = new HubClient(guard, Duration.ofSeconds(5), Duration.ofSeconds(10));
            webSub = new WebSubService(database, site, links, hubClient, guard, clock);
            dispatcher = new HubDispatcher(database, feeds, new Topics(site.baseUrl()), hubClient,
                    new Backoff(site.websub().retryBase(), site.websub().maxAttempts()), publishing.hubDoorbell, clock);
            PageService pages = new PageService(database, site, links);
            AtomPubService atomPub = new AtomPubService(database, articles, links,
                    new AtomPubDocuments(site, links, NAME, VERSION));
            publishing.derivation.start();
            if (!settings.purgeUrls().isEmpty()) {
                purger = Optional.of(CachePurger.of(database, publishing.derivation, publishing.node, settings.purgeUrls()));
                purger.get().start();
                LOG.info("purging changed documents from {}", settings.purgeUrls());
            }
            settings.seeds().ifPresent(folder -> new SeedImport(articles).importIfEmpty(folder));
            SearchService search = new SearchService(database, new ArticleSearch(publishing.index), site, links,
                    renderer, clock);
            statistics = new SubscriberStatistics(database, clock);
            statistics.start();
            metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            serverMetrics = new ServerMetrics(metrics, database, publishing.derivation, publishing.cache, statistics, purger);
            routes.set(Routes.build(new Routes.Services(articles, feeds, pages, atomPub, search, webSub, new Health(database, publishing.derivation),
                    new BackupService(settings.storage(), settings.store().address().map(PostgresDatabase::redact), clock), links,
                    new CommentFeeds(database, links, new CommentsFeedWriter(links, NAME + " " + VERSION)),
                    new WordPressAddresses(database, site), metrics, statistics),
                    new Routes.Settings(token.token(), settings.maxBodyBytes(), settings.cacheMaxAgeSeconds(),
                            settings.countPolls())));
            LOG.info("serving {} on http://{}:{} as {} (database {})", site.title(), settings.host(), port, site.baseUrl(),
                    database.describe());
            ExternalChanges externalChanges = new ExternalChanges(database, publishing.derivation::changed,
                    publishing.cache::invalidateAll, publishing.derivation::listsStoredHere);
            dispatcher.start();
            return new App(undertow, draining, publishing, externalChanges, webSub, dispatcher, purger, serverMetrics, statistics,
                    accessLog,
                    site, port, token);
        } catch (RuntimeException e) {
            undertow.stop();
            if (dispatcher != null) {
                dispatcher.close();
            }
            purger.ifPresent(CachePurger::close);
            if (webSub != null) {
                webSub.close();
            }
            if (serverMetrics != null) {
                serverMetrics.close();
            }
            if (statistics != null) {
                statistics.close();
            }
            closeQuietly(accessLog);
            if (publishing != null) {
                publishing.close();
            }
            throw e;
        }
    }

    /** Binds the port, or says in one line why it cannot. */
    private static void listen(Undertow undertow, ServerSettings settings) {
        try {
            undertow.start();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            String where = settings.host() + ":" + settings.port();
            throw new ConfigException(cause instanceof BindException
                    ? "cannot listen on " + where + ": " + cause.getMessage()
                            + " (another server is using the port; choose another with --port or MINBAR_PORT)"
                    : "cannot listen on " + where + ": " + cause, e);
        }
    }

    static String fallbackBaseUrl(String host, int port) {
        String name = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return "http://" + (name.contains(":") ? "[" + name + "]" : name) + ":" + port;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return site.baseUrl();
    }

    /** Waits until every change committed so far is derived (indexed, related, pushes queued); false if it took longer. */
    public boolean awaitDerived(Duration longest) throws InterruptedException {
        return publishing.derivation.awaitDerived(longest);
    }

    public PublishingToken.Resolved token() {
        return token;
    }

    /**
     * Stops: requests under way are finished first (for at most {@link #DRAIN}; new ones are
     * answered 503 meanwhile), then the listener, the background work and the store are closed.
     */
    @Override
    public void close() {
        draining.shutdown();
        try {
            if (!draining.awaitShutdown(DRAIN.toMillis())) {
                LOG.warn("stopping with requests still under way after {} s", DRAIN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        externalChanges.close();
        undertow.stop();
        webSub.close();
        dispatcher.close();
        purger.ifPresent(CachePurger::close);
        serverMetrics.close();
        statistics.close(); // the last polls counted are written
        publishing.close();
        closeQuietly(accessLog); // last: the drained requests' lines are written
    }

    private static void closeQuietly(AccessLog accessLog) {
        if (accessLog != null) {
            accessLog.close();
        }
    }
}
