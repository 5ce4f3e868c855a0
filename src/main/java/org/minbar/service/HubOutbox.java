package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.Category;
import org.minbar.model.FeedFormat;
import org.minbar.model.FeedKey;
import org.minbar.model.Tag;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.DeliveryStore;
import org.minbar.storage.HubPingStore;
import org.minbar.websub.Doorbell;

/**
 * The WebSub side of an article write: marks the write under way, so the dispatcher holds its
 * pushes until the write is wholly done; inside the write's transaction, queues a delivery for
 * every active subscriber of every feed the change touches (the feeds of the article before and
 * after it) and a ping of those topics to each external hub; once the write is done (committed,
 * and its related stories refreshed), wakes the dispatcher.
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

    /** Queues the pushes for a change from one version of an article to another (either may be the only one). */
    void record(Connection connection, List<Article> versions) throws SQLException {
        Set<String> topics = topics(versions);
        deliveries.enqueue(connection, topics, clock.instant());
        if (!links.externalHubs().isEmpty()) {
            pings.enqueue(connection, links.externalHubs(), topics, clock.instant());
        }
    }

    /** A write begins: always paired with {@link #writeEnds()}, in a finally block. */
    void writeBegins() {
        doorbell.writeBegins();
    }

    /** The write is done, or failed: deliver what it queued now, not on the dispatcher's next look. */
    void writeEnds() {
        doorbell.writeEnds();
    }

    /** The self URL of each feed, in each format, that any of these versions appears in. */
    private Set<String> topics(List<Article> versions) {
        Set<FeedKey> feeds = new LinkedHashSet<>();
        feeds.add(FeedKey.site());
        for (Article article : versions) {
            article.categories().stream().map(Category::slug).map(FeedKey::category).forEach(feeds::add);
            article.authors().stream().map(Author::slug).map(FeedKey::author).forEach(feeds::add);
            article.tags().stream().map(Tag::slug).map(FeedKey::tag).forEach(feeds::add);
        }
        Set<String> topics = new LinkedHashSet<>();
        for (FeedKey feed : feeds) {
            for (FeedFormat format : FeedFormat.values()) {
                topics.add(links.feed(feed, format));
            }
        }
        return topics;
    }
}
