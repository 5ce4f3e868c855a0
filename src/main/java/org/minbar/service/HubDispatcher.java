package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
 * retry falls due) counts the due rows' attempts as begun, in one transaction, and hands them to
 * a few worker threads, which render the feed and send it without waiting for the answer; the
 * outcomes are stored in batches ({@link OutboxSettler}). Up to {@value #DELIVERIES_IN_FLIGHT}
 * deliveries and {@value #PINGS_IN_FLIGHT} pings to external hubs are open at once, deliveries at
 * most {@value #LANE_WIDTH} per lane (a callback's host and port), and each
 * subscription has one row, so a slow or dead subscriber holds one request for at most its
 * timeout, and never a thread, the publisher or another host's subscribers, however many stalled
 * callbacks one host has; nor can a stalled external hub take the subscribers' share. Rows are queued by derivation once a change's related stories are
 * stored (HubOutbox), so the feed a push carries has them. A delivery POSTs every entry of the topic
 * changed since the subscriber's last successful delivery (the first time: since it subscribed, and the
 * current document); a failure is
 * retried with back-off and given up with a log line; rows left by a stop or crash are sent at the
 * next start. Expired subscriptions are purged as it goes.
 */
public final class HubDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubDispatcher.class);
    /** Threads for the database work and rendering around each request. */
    private static final int WORKERS = 4;
    /**
     * Deliveries sent and not yet answered, at most. They hold a socket each, not a thread; what
     * keeps stalled subscribers from taking them all is {@link #LANE_WIDTH}.
     */
    static final int DELIVERIES_IN_FLIGHT = 256;
    /** Deliveries open at once per lane: per callback authority (host and port). */
    static final int LANE_WIDTH = 2;
    /** Pings to external hubs sent and not yet answered, at most (a hub has a row per topic). */
    static final int PINGS_IN_FLIGHT = 8;
    /** The longest the loop sleeps with nothing due: also how often expired subscriptions are purged. */
    private static final Duration IDLE = Duration.ofMinutes(1);

    /**
     * One outbox: its table, the rows being sent now (with their lanes) and the requests open per
     * lane, permits for the requests it may have open in all, and how to read a row just begun into
     * its attempt.
     */
    private record Outbox(OutboxTable table, Map<Long, String> sending, Map<String, Integer> lanes, int laneWidth,
                          Semaphore openRequests, Claimer claimer) {

        /** The lanes with all the requests they may have open. */
        Set<String> fullLanes() {
            synchronized (lanes) {
                Set<String> full = new HashSet<>();
                lanes.forEach((lane, open) -> {
                    if (open >= laneWidth) {
                        full.add(lane);
                    }
                });
                return full;
            }
        }

        /** Takes a place in the row's lane, if it has one free. */
        boolean enter(String lane) {
            synchronized (lanes) {
                int open = lanes.getOrDefault(lane, 0);
                if (open >= laneWidth) {
                    return false;
                }
                lanes.put(lane, open + 1);
                return true;
            }
        }

        void leave(String lane) {
            synchronized (lanes) {
                lanes.computeIfPresent(lane, (key, open) -> open <= 1 ? null : open - 1);
            }
        }
    }

    /** Reads a row whose attempt was just counted, in that transaction; empty when it is gone. */
    @FunctionalInterface
    private interface Claimer {
        Optional<Attempt> claim(Connection connection, long id) throws SQLException;
    }

    /** One attempt at a row: started on a worker, it sends and completes with the write its outcome calls for. */
    private record Attempt(long id, Supplier<CompletableFuture<OutboxSettler.RowWrite>> start) {}

    private final Database database;
    private final FeedService feeds;
    private final Topics topics;
    private final HubClient client;
    private final Backoff backoff;
    private final Doorbell doorbell;
    private final Clock clock;
    private final DeliveryStore deliveries = new DeliveryStore();
    private final HubPingStore pings = new HubPingStore();
    private final SubscriptionStore subscriptions = new SubscriptionStore();
    private final List<Outbox> outboxes;
    private final ExecutorService workers;
    /**
     * The workers, for work that follows an answer: once they are stopped the work is dropped, and
     * its row, counted as attempted but still due, is sent again at the next start.
     */
    private final Executor onWorkers = this::runOnWorkers;
    private final OutboxSettler settler;
    private final Thread loop;
    private volatile boolean closed;

    public HubDispatcher(Database database, FeedService feeds, Topics topics, HubClient client,
                         Backoff backoff, Doorbell doorbell, Clock clock) {
        this.database = database;
        this.feeds = feeds;
        this.topics = topics;
        this.client = client;
        this.backoff = backoff;
        this.doorbell = doorbell;
        this.clock = clock;
        this.outboxes = List.of(new Outbox(OutboxTable.deliveries(), new ConcurrentHashMap<>(), new HashMap<>(), LANE_WIDTH,
                        new Semaphore(DELIVERIES_IN_FLIGHT), this::claimDelivery),
                new Outbox(OutboxTable.hubPings(), new ConcurrentHashMap<>(), new HashMap<>(), PINGS_IN_FLIGHT,
                        new Semaphore(PINGS_IN_FLIGHT), this::claimPing)); // pings: one hub may have all of theirs
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "minbar-websub-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.settler = new OutboxSettler(database, onWorkers);
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

    /**
     * Takes up the due rows there are open requests for, counting their attempts as begun in one
     * transaction, and has the workers send them; returns when this outbox next needs a look.
     */
    private Instant dispatch(Outbox outbox, Instant now) {
        // The rows being sent, as many as there are permits left, and one more to learn when the next falls due;
        // rows of lanes with all their requests open are left out: however many a stalled host has, the others come first.
        int window = outbox.sending().size() + outbox.openRequests().availablePermits() + 1;
        Set<String> full = outbox.fullLanes();
        List<OutboxTable.Scheduled> upcoming = database.read(connection -> outbox.table().upcoming(connection, window, full));
        List<Long> due = new ArrayList<>();
        Instant next = upcoming.size() < window ? now.plus(IDLE) : now;
        for (OutboxTable.Scheduled row : upcoming) {
            if (outbox.sending().containsKey(row.id())) {
                continue;
            }
            if (row.at().isAfter(now)) {
                next = row.at();
                break;
            }
            if (!outbox.enter(row.lane())) {
                continue; // its lane filled up in this pass; a settled request rings the doorbell
            }
            if (!outbox.openRequests().tryAcquire()) {
                outbox.leave(row.lane());
                next = now.plus(IDLE); // each settled request rings the doorbell
                break;
            }
            outbox.sending().put(row.id(), row.lane());
            due.add(row.id());
        }
        if (!due.isEmpty()) {
            start(outbox, due, now);
        }
        return next;
    }

    private void start(Outbox outbox, List<Long> due, Instant now) {
        List<Attempt> attempts;
        try {
            attempts = database.write(connection -> {
                List<Attempt> begun = new ArrayList<>();
                for (long id : due) {
                    if (outbox.table().begin(connection, id, now)) {
                        outbox.claimer().claim(connection, id).ifPresent(begun::add);
                    }
                }
                return begun;
            });
        } catch (RuntimeException e) {
            due.forEach(id -> release(outbox, id));
            throw e;
        }
        Set<Long> begun = new HashSet<>();
        for (Attempt attempt : attempts) {
            begun.add(attempt.id());
            CompletableFuture.supplyAsync(attempt.start(), onWorkers).thenCompose(f -> f)
                    .whenComplete((write, failure) -> {
                        if (failure != null) {
                            LOG.warn("websub: sending outbox row {} failed", attempt.id(), failure);
                        }
                        settler.settle(new OutboxSettler.Settlement(write == null ? connection -> { } : write,
                                () -> release(outbox, attempt.id())));
                    });
        }
        due.stream().filter(id -> !begun.contains(id)).forEach(id -> release(outbox, id));
    }

    private void release(Outbox outbox, long id) {
        String lane = outbox.sending().remove(id);
        if (lane != null) {
            outbox.leave(lane);
        }
        outbox.openRequests().release();
        doorbell.ring();
    }

    private Optional<Attempt> claimDelivery(Connection connection, long id) throws SQLException {
        return deliveries.find(connection, id).map(delivery -> new Attempt(id, () -> deliver(delivery)));
    }

    private Optional<Attempt> claimPing(Connection connection, long id) throws SQLException {
        return pings.find(connection, id).map(ping -> new Attempt(id, () -> ping(ping)));
    }

    private CompletableFuture<OutboxSettler.RowWrite> deliver(DeliveryStore.Pending delivery) {
        OutboxTable table = OutboxTable.deliveries();
        Optional<Topic> topic = topics.parse(delivery.topic());
        if (topic.isEmpty()) {
            LOG.warn("websub: dropped a delivery of {}: not a feed of this site (was the base URL changed?)", delivery.topic());
        }
        if (!delivery.expires().isAfter(clock.instant()) || topic.isEmpty()) {
            return CompletableFuture.completedFuture(connection -> table.delete(connection, delivery.id())); // a lease that ran out gets nothing
        }
        String what = "delivery of " + delivery.topic() + " to " + delivery.callback();
        try {
            Instant readAt = clock.instant();
            // Every entry changed since the last delivery that reached this subscriber, or since it subscribed.
            RenderedFeed feed = feeds.pushSince(topic.get().key(), topic.get().format(),
                    delivery.delivered().orElse(delivery.subscribed()), delivery.delivered().isEmpty());
            return client.deliver(delivery.callback(), feed.body(), feed.mediaType() + "; charset=utf-8",
                            feed.linkHeaders(), delivery.secret().map(secret -> Signatures.sha256(secret, feed.body())))
                    .thenApply(outcome -> {
                        OutboxSettler.RowWrite write = outcome(table, delivery.id(), delivery.attempts(), delivery.generation(),
                                outcome, what);
                        return outcome.ok() ? connection -> {
                            write.apply(connection);
                            subscriptions.delivered(connection, delivery.subscriptionId(), readAt);
                        } : write;
                    });
        } catch (NotFoundException e) {
            return CompletableFuture.completedFuture(connection -> table.delete(connection, delivery.id()));
        } catch (RuntimeException e) {
            // Retried like a refused delivery, so a failing render cannot make the row due again at once.
            LOG.warn("websub: preparing the delivery of {} failed", delivery.topic(), e);
            return CompletableFuture.completedFuture(outcome(table, delivery.id(), delivery.attempts(), delivery.generation(),
                    new HubClient.Outcome(false, "preparing it failed: " + e.getMessage()), what));
        }
    }

    private CompletableFuture<OutboxSettler.RowWrite> ping(HubPingStore.Pending ping) {
        return client.ping(ping.hub(), ping.topic()).thenApply(outcome -> outcome(OutboxTable.hubPings(), ping.id(),
                ping.attempts(), ping.generation(), outcome, "publish ping of " + ping.topic() + " to " + ping.hub()));
    }

    /** What an outcome does to its row: settled once sent; otherwise the next attempt, or given up after the last. */
    private OutboxSettler.RowWrite outcome(OutboxTable table, long id, int attempts, long generation, HubClient.Outcome outcome,
                                           String what) {
        Instant now = clock.instant();
        if (outcome.ok()) {
            return connection -> table.sent(connection, id, generation, now);
        }
        Optional<Duration> wait = backoff.afterFailure(attempts);
        if (wait.isEmpty()) {
            LOG.warn("websub: gave up the {} after {} attempts; the last: {}", what, attempts, outcome.problem());
            return connection -> table.delete(connection, id);
        }
        LOG.info("websub: {} failed (attempt {}), retrying in {} s: {}", what, attempts, wait.get().toSeconds(),
                outcome.problem());
        return connection -> table.retryAt(connection, id, now.plus(wait.get()), outcome.problem());
    }

    private void runOnWorkers(Runnable work) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("websub: stopping; the outbox row is left for the next start");
        }
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
