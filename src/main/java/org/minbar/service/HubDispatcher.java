package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.Database;
import org.minbar.storage.DeliveryStore;
import org.minbar.storage.HubPingStore;
import org.minbar.storage.OutboxTable;
import org.minbar.storage.SubscriptionStore;
import org.minbar.websub.Backoff;
import org.minbar.websub.Doorbell;
import org.minbar.websub.HubClient;
import org.minbar.websub.Signatures;
import org.minbar.websub.Topic;
import org.minbar.websub.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the WebSub outboxes off the request path: a loop woken by the doorbell (or when the next
 * retry falls due) hands due rows to a few worker threads, so a slow or dead subscriber holds one
 * worker for at most its timeout and never the publisher. A delivery POSTs the topic's current
 * first page; a failure is retried with back-off and given up with a log line; rows left by a
 * stop or crash are sent at the next start. Expired subscriptions are purged as it goes.
 */
public final class HubDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubDispatcher.class);
    private static final int WORKERS = 4;
    /** The longest the loop sleeps with nothing due: also how often expired subscriptions are purged. */
    private static final Duration IDLE = Duration.ofMinutes(1);

    /** One outbox: its table, the rows being sent now, and how to send one. */
    private record Outbox(OutboxTable table, Set<Long> sending, Sender sender) {}

    @FunctionalInterface
    private interface Sender {
        void send(long id);
    }

    private final Database database;
    private final FeedService feeds;
    private final SiteLinks links;
    private final Topics topics;
    private final HubClient client;
    private final Backoff backoff;
    private final Doorbell doorbell;
    private final Clock clock;
    private final DeliveryStore deliveries = new DeliveryStore();
    private final HubPingStore pings = new HubPingStore();
    private final SubscriptionStore subscriptions = new SubscriptionStore();
    private final List<Outbox> outboxes;
    private final Semaphore idleWorkers = new Semaphore(WORKERS);
    private final ExecutorService workers;
    private final Thread loop;
    private volatile boolean closed;

    public HubDispatcher(Database database, FeedService feeds, SiteLinks links, Topics topics, HubClient client,
                         Backoff backoff, Doorbell doorbell, Clock clock) {
        this.database = database;
        this.feeds = feeds;
        this.links = links;
        this.topics = topics;
        this.client = client;
        this.backoff = backoff;
        this.doorbell = doorbell;
        this.clock = clock;
        this.outboxes = List.of(new Outbox(OutboxTable.deliveries(), ConcurrentHashMap.newKeySet(), this::deliver),
                new Outbox(OutboxTable.hubPings(), ConcurrentHashMap.newKeySet(), this::ping));
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "minbar-websub-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.loop = new Thread(this::run, "minbar-websub-dispatcher");
        this.loop.setDaemon(true);
    }

    /** Starts sending: whatever is due, including rows left by the last run, goes out at once. */
    public void start() {
        loop.start();
    }

    private void run() {
        Instant nextPurge = Instant.EPOCH;
        while (!closed) {
            try {
                Instant now = clock.instant();
                if (!now.isBefore(nextPurge)) {
                    int purged = database.write(connection -> subscriptions.purgeExpired(connection, now));
                    if (purged > 0) {
                        LOG.info("websub: {} expired subscriptions removed", purged);
                    }
                    nextPurge = now.plus(IDLE);
                }
                Instant wake = now.plus(IDLE);
                for (Outbox outbox : outboxes) {
                    Instant next = dispatch(outbox, now);
                    wake = next.isBefore(wake) ? next : wake;
                }
                doorbell.await(Duration.between(clock.instant(), wake));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("websub: the dispatcher could not read its outbox", e);
                sleepAfterFailure();
            }
        }
    }

    /** Hands due rows to idle workers; returns when this outbox next needs a look. */
    private Instant dispatch(Outbox outbox, Instant now) {
        List<OutboxTable.Scheduled> upcoming = database.read(connection ->
                outbox.table().upcoming(connection, WORKERS + outbox.sending().size()));
        for (OutboxTable.Scheduled row : upcoming) {
            if (outbox.sending().contains(row.id())) {
                continue;
            }
            if (row.at().isAfter(now)) {
                return row.at();
            }
            if (!idleWorkers.tryAcquire()) {
                return now.plus(IDLE); // a worker rings the doorbell when it is done
            }
            outbox.sending().add(row.id());
            workers.execute(() -> {
                try {
                    outbox.sender().send(row.id());
                } catch (RuntimeException e) {
                    LOG.warn("websub: sending outbox row {} failed", row.id(), e);
                } finally {
                    outbox.sending().remove(row.id());
                    idleWorkers.release();
                    doorbell.ring();
                }
            });
        }
        return upcoming.size() < WORKERS + outbox.sending().size() ? now.plus(IDLE) : now;
    }

    private void deliver(long id) {
        OutboxTable table = OutboxTable.deliveries();
        Optional<DeliveryStore.Pending> found = database.write(connection ->
                table.begin(connection, id, clock.instant()) ? deliveries.find(connection, id) : Optional.empty());
        if (found.isEmpty()) {
            return;
        }
        DeliveryStore.Pending delivery = found.get();
        Optional<Topic> topic = topics.parse(delivery.topic());
        if (topic.isEmpty()) {
            LOG.warn("websub: dropped a delivery of {}: not a feed of this site (was the base URL changed?)", delivery.topic());
        }
        if (!delivery.expires().isAfter(clock.instant()) || topic.isEmpty()) {
            database.write(connection -> done(table, connection, id)); // a lease that ran out gets nothing
            return;
        }
        HubClient.Outcome outcome;
        try {
            RenderedFeed feed = feeds.feed(topic.get().key(), topic.get().format());
            List<String> linkHeaders = new ArrayList<>();
            links.hubsOf(topic.get().key()).forEach(hub -> linkHeaders.add("<" + hub + ">; rel=\"hub\""));
            linkHeaders.add("<" + delivery.topic() + ">; rel=\"self\"");
            outcome = client.deliver(delivery.callback(), feed.body(), feed.mediaType() + "; charset=utf-8",
                    linkHeaders, delivery.secret().map(secret -> Signatures.sha256(secret, feed.body())));
        } catch (NotFoundException e) {
            database.write(connection -> done(table, connection, id));
            return;
        } catch (RuntimeException e) {
            // Retried like a refused delivery, so a failing render cannot make the row due again at once.
            LOG.warn("websub: rendering {} for delivery failed", delivery.topic(), e);
            outcome = new HubClient.Outcome(false, "rendering failed: " + e.getMessage());
        }
        finish(table, id, delivery.attempts(), outcome, "delivery of " + delivery.topic() + " to " + delivery.callback());
    }

    private void ping(long id) {
        OutboxTable table = OutboxTable.hubPings();
        Optional<HubPingStore.Pending> found = database.write(connection ->
                table.begin(connection, id, clock.instant()) ? pings.find(connection, id) : Optional.empty());
        if (found.isPresent()) {
            HubPingStore.Pending ping = found.get();
            finish(table, id, ping.attempts(), client.ping(ping.hub(), ping.topic()),
                    "publish ping of " + ping.topic() + " to " + ping.hub());
        }
    }

    /** Deletes the row once sent; otherwise schedules the next attempt, or gives up after the last. */
    private void finish(OutboxTable table, long id, int attempts, HubClient.Outcome outcome, String what) {
        if (outcome.ok()) {
            database.write(connection -> done(table, connection, id));
            return;
        }
        Optional<Duration> wait = backoff.afterFailure(attempts);
        if (wait.isEmpty()) {
            LOG.warn("websub: gave up the {} after {} attempts; the last: {}", what, attempts, outcome.problem());
            database.write(connection -> done(table, connection, id));
            return;
        }
        LOG.info("websub: {} failed (attempt {}), retrying in {} s: {}", what, attempts, wait.get().toSeconds(),
                outcome.problem());
        database.write(connection -> {
            table.retryAt(connection, id, clock.instant().plus(wait.get()), outcome.problem());
            return null;
        });
    }

    private static Void done(OutboxTable table, Connection connection, long id) throws SQLException {
        table.delete(connection, id);
        return null;
    }

    private void sleepAfterFailure() {
        try {
            doorbell.await(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        loop.interrupt();
        try {
            loop.join(5_000);
            workers.shutdownNow(); // a delivery cut short is still in the outbox, and is sent at the next start
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
