package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.DeliveryStore;
import org.minbar.storage.HubPingStore;
import org.minbar.websub.Doorbell;

/**
 * The WebSub side of derivation: in the transaction that stores a batch's related stories, queues
 * a delivery for every active subscriber of every feed the batch touched (in every format) and a
 * ping of those topics to each external hub; once that is committed, wakes the dispatcher. So a
 * push always carries the feed with its related stories, and a crash queues it at most once.
 */
public final class HubOutbox {

    private final SiteLinks links;
    private final Doorbell doorbell;
    private final Clock clock;
    private final DeliveryStore deliveries = new DeliveryStore();
    private final HubPingStore pings = new HubPingStore();

    public HubOutbox(SiteLinks links, Doorbell doorbell, Clock clock) {
        this.links = links;
        this.doorbell = doorbell;
        this.clock = clock;
    }

    /** Queues the pushes of these feeds. */
    void record(Connection connection, Set<FeedKey> feeds) throws SQLException {
        Set<String> topics = new LinkedHashSet<>();
        for (FeedKey feed : feeds) {
            for (FeedFormat format : FeedFormat.advertised()) {
                topics.add(links.feed(feed, format));
            }
        }
        deliveries.enqueue(connection, topics, clock.instant());
        if (!links.externalHubs().isEmpty()) {
            pings.enqueue(connection, links.externalHubs(), topics, clock.instant());
        }
    }

    /** What was recorded is committed: deliver it now, not on the dispatcher's next look. */
    void queued() {
        doorbell.ring();
    }
}
