package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;
import org.minbar.storage.Database;

// A scrape answers with what it can read: a store that cannot be read makes its figures NaN, never the scrape fail.
@Tag(TestStores.BOTH)
class ServerMetricsTest {

    @Test
    void aStoreThatCannotBeReadLeavesItsFiguresNaNAndTheRestServed(@TempDir Path folder) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Database database = TestStores.open(folder);
        ServerMetrics metrics = new ServerMetrics(registry, database, Derivation.leftToTheServer(database), new FeedCache(),
                new SubscriberStatistics(database, java.time.Clock.systemUTC()), java.util.Optional.empty());
        try {
            String open = registry.scrape();
            assertTrue(open.contains("minbar_websub_deliveries_pending 0.0") && open.contains("minbar_derived_lag_changes 0.0"), open);
            database.close(); // gone, as a store on a vanished disk
            String scraped = registry.scrape();
            assertTrue(scraped.contains("minbar_websub_deliveries_pending NaN"), scraped);
            assertTrue(scraped.contains("minbar_derived_lag_changes NaN"), scraped);
            assertTrue(scraped.contains("jvm_memory_used_bytes{"), "the JVM's figures are still there");
            assertTrue(scraped.contains("minbar_stats_pollers_dropped_total 0.0"), "counted in memory, so read without the store");
        } finally {
            metrics.close();
        }
    }
}
