package org.minbar.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.Optional;
import org.minbar.storage.ChangeLog;
import org.minbar.storage.Database;
import org.minbar.storage.OperationalCounts;
import org.minbar.storage.SqlFunction;

/**
 * What an operator graphs besides requests (which the HTTP layer times): the JVM, the publish
 * rate (the change log's position: its rate is changes per second), how far derived data lags
 * behind it, the feed cache's hits and renders, the WebSub work waiting and failing, and pollers
 * the subscriber statistics could not hold. All of
 * it is read when scraped; nothing here runs on the request path.
 */
public final class ServerMetrics implements AutoCloseable {

    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServerMetrics(MeterRegistry registry, Database database, Derivation derivation, FeedCache cache,
            SubscriberStatistics statistics, Optional<CachePurger> purger) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        ChangeLog changes = new ChangeLog();
        OperationalCounts counts = new OperationalCounts();
        FunctionCounter.builder("minbar.changes", database, db -> count(db, changes::latest))
                .description("Articles created, changed or deleted (the change log's position): its rate is the publish rate")
                .register(registry);
        Gauge.builder("minbar.derived.lag", database, db -> count(db, connection -> changes.latest(connection) - derivation.derivedUpTo()))
                .description("Changes not yet taken into the search index, related stories and WebSub pushes")
                .baseUnit("changes").register(registry);
        FunctionCounter.builder("minbar.feed.cache", cache, FeedCache::hits).tag("result", "hit")
                .description("Feed documents served from the cache, or rendered because it had none current").register(registry);
        FunctionCounter.builder("minbar.feed.cache", cache, FeedCache::misses).tag("result", "render").register(registry);
        Gauge.builder("minbar.websub.deliveries.pending", database, db -> count(db, counts::pendingDeliveries))
                .description("Pushes to subscribers waiting to be sent or sent again").register(registry);
        Gauge.builder("minbar.websub.deliveries.failing", database, db -> count(db, counts::failingDeliveries))
                .description("Pushes whose last attempt failed, waiting to be tried again").register(registry);
        Gauge.builder("minbar.websub.hub.pings.pending", database, db -> count(db, counts::pendingHubPings))
                .description("Pings of external hubs waiting to be sent or sent again").register(registry);
        FunctionCounter.builder("minbar.stats.pollers.dropped", statistics, SubscriberStatistics::dropped)
                .description("Distinct feed pollers not counted because more arrived between two statistics flushes than are held")
                .register(registry);
        purger.ifPresent(p -> purging(registry, database, changes, p));
    }

    /** Only with --purge-url: the purges the caches took and failed, and the changes not yet purged. */
    private static void purging(MeterRegistry registry, Database database, ChangeLog changes, CachePurger purger) {
        FunctionCounter.builder("minbar.cache.purges", purger, CachePurger::purges)
                .description("PURGE requests the shared caches took").register(registry);
        FunctionCounter.builder("minbar.cache.purge.failures", purger, CachePurger::failures)
                .description("PURGE requests that failed (each is tried again)").register(registry);
        Gauge.builder("minbar.cache.purge.lag", database, db -> count(db, connection -> changes.latest(connection) - purger.purgedUpTo()))
                .description("Changes whose documents the shared caches have not yet been told to drop")
                .baseUnit("changes").register(registry);
    }

    /** A count read from the store, or NaN while it cannot be read (a scrape still answers, with the rest). */
    private static double count(Database database, SqlFunction<Long> query) {
        try {
            return database.read(query);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        gc.close();
    }
}
