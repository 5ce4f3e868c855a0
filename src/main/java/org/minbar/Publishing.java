package org.minbar;

import java.nio.file.Path;
import java.time.Clock;
import org.minbar.config.SiteConfig;
import org.minbar.ingest.ArticleReaders;
import org.minbar.publish.SiteLinks;
import org.minbar.related.ArticleIndex;
import org.minbar.service.ArticleService;
import org.minbar.service.Derivation;
import org.minbar.service.FeedCache;
import org.minbar.service.FeedHistory;
import org.minbar.service.HubOutbox;
import org.minbar.service.TermIdentity;
import org.minbar.service.Node;
import org.minbar.storage.Database;
import org.minbar.storage.NodeNames;
import org.minbar.storage.StoreLocation;
import org.minbar.websub.Doorbell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write side, wired once for the server and the import command alike: the database, the
 * search index (when this process may hold it), the follower that derives from the change log, and
 * the article service in front of them.
 */
final class Publishing implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Publishing.class);

    final Database database;
    final ArticleIndex index;
    final SiteLinks links;
    final FeedCache cache = new FeedCache();
    final Doorbell hubDoorbell = new Doorbell();
    final FeedHistory history;
    final Derivation derivation;
    final ArticleService articles;

    final Node node;

    private Publishing(Database database, ArticleIndex index, Node node, SiteConfig site, Clock clock,
                       java.util.function.Consumer<String> progress) {
        this.node = node;
        this.database = database;
        this.index = index;
        this.links = new SiteLinks(site);
        this.history = new FeedHistory(site.itemsPerFeed());
        this.derivation = index == null ? Derivation.leftToTheServer(database, progress)
                : Derivation.following(database, index, clock, cache, new HubOutbox(links, hubDoorbell, clock), progress, node);
        int merged = new TermIdentity(site, links, history, clock).reconcile(database);
        if (merged > 0) {
            progress.accept("merged or renamed " + merged + " categories, tags or authors that had two names");
        }
        this.articles = new ArticleService(database, new ArticleReaders(site.baseUrl()), history, derivation, links, clock);
    }

    /** For the server: the index is required (another process holding it stops the start). */
    static Publishing forServer(Path storage, StoreLocation store, SiteConfig site, Clock clock) {
        Database database = store.open(storage);
        try {
            return new Publishing(database, ArticleIndex.open(storage.resolve(App.INDEX_FOLDER)), nodeOf(storage, store),
                    site, clock, LOG::info);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** For an import: without the index when a running server holds it (the server then derives what the import writes). */
    static Publishing forImport(Path storage, StoreLocation store, SiteConfig site, Clock clock,
                                java.util.function.Consumer<String> progress) {
        Database database = store.open(storage);
        try {
            return new Publishing(database, openIndexUnlessInUse(storage.resolve(App.INDEX_FOLDER)), nodeOf(storage, store),
                    site, clock, progress);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Alone on the SQLite file; on a shared store, the node whose index is in this storage folder. */
    private static Node nodeOf(Path storage, StoreLocation store) {
        return store.isShared() ? Node.named(NodeNames.of(storage)) : Node.alone();
    }

    private static ArticleIndex openIndexUnlessInUse(Path folder) {
        try {
            return ArticleIndex.open(folder);
        } catch (ArticleIndex.InUseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        derivation.close();
        if (index != null) {
            index.close();
        }
        database.close();
    }
}
