package org.minbar.service;

import java.net.InetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.minbar.config.SiteConfig;
import org.minbar.config.WebSubConfig;
import org.minbar.model.Problem;
import org.minbar.publish.SiteLinks;
import org.minbar.storage.Database;
import org.minbar.storage.SubscriptionStore;
import org.minbar.websub.BadHubRequestException;
import org.minbar.websub.CallbackGuard;
import org.minbar.websub.HubClient;
import org.minbar.websub.HubRequest;
import org.minbar.websub.HubRequests;
import org.minbar.websub.Topic;
import org.minbar.websub.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's subscription use case (WebSub §5): checks a request at once (400 for a bad parameter
 * or a callback on a private network), then, off the request path, resolves the topic to one of
 * our feeds (or sends the denial), verifies intent with a challenge, and only then stores or
 * removes the subscription.
 */
public final class WebSubService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebSubService.class);
    /** Threads verifying intent: each waits on one callback, for at most the client's deadline. */
    private static final int VERIFIERS = 16;
    private static final int WAITING_REQUESTS = 500;
    /**
     * Requests waiting for verification or being verified, per callback host, at most: callbacks
     * that never answer, all on one host, hold this many verifiers and queue places, not all of them.
     */
    static final int WAITING_PER_HOST = 4;
    /**
     * Requests waiting, per client address that asked (loopback, where a proxy would speak for
     * everyone, aside): one client naming callbacks on many hosts (a wildcard DNS name) holds this many.
     */
    static final int WAITING_PER_CLIENT = 16;
    /** A request that waited this long for a verifier is dropped unverified: its subscriber may ask again. */
    static final Duration WAIT_AT_MOST = Duration.ofSeconds(30);

    private final Database database;
    private final SiteConfig site;
    private final WebSubConfig config;
    private final SiteLinks links;
    private final Topics topics;
    private final HubClient client;
    private final CallbackGuard guard;
    private final Clock clock;
    private final SubscriptionStore subscriptions = new SubscriptionStore();
    private final SecureRandom random = new SecureRandom();
    private final ThreadPoolExecutor verifiers;
    private final WaitingLimit waitingByHost = new WaitingLimit(WAITING_PER_HOST);
    private final HubRequestOrder requestOrder = new HubRequestOrder();
    private final WaitingLimit waitingByClient = new WaitingLimit(WAITING_PER_CLIENT);

    public WebSubService(Database database, SiteConfig site, SiteLinks links, HubClient client, CallbackGuard guard,
                         Clock clock) {
        this.database = database;
        this.site = site;
        this.config = site.websub();
        this.links = links;
        this.topics = new Topics(site.baseUrl());
        this.client = client;
        this.guard = guard;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.verifiers = new ThreadPoolExecutor(VERIFIERS, VERIFIERS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WAITING_REQUESTS), runnable -> {
                    Thread thread = new Thread(runnable, "minbar-websub-verify-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Accepts a well-formed request for verification off the request path; a bad one is refused at
     * once. {@code client} is the address that asked, when it is one to count (not loopback).
     */
    public void request(Map<String, List<String>> form, Optional<InetAddress> client) {
        HubRequest request;
        try {
            request = HubRequests.parse(form);
        } catch (BadHubRequestException e) {
            throw new InvalidInputException(e.getMessage(), List.of(new Problem(e.parameter(), e.problem())), false);
        }
        Optional<String> refused = guard.refusal(request.callback());
        if (refused.isPresent()) {
            throw new InvalidInputException("hub.callback " + refused.get() + " (see README, WebSub)",
                    List.of(new Problem("hub.callback", refused.get())), false);
        }
        String host = URI.create(request.callback()).getHost().toLowerCase(Locale.ROOT);
        String asker = client.map(InetAddress::getHostAddress).orElse("");
        if (!waitingByHost.reserve(host)) {
            throw new TooManyRequestsException("callbacks on " + host + " have " + WAITING_PER_HOST
                    + " requests waiting for verification already; try again once they are verified");
        }
        if (client.isPresent() && !waitingByClient.reserve(asker)) {
            waitingByHost.release(host);
            throw new TooManyRequestsException("your address has " + WAITING_PER_CLIENT
                    + " requests waiting for verification already; try again once they are verified");
        }
        String pair = HubRequestOrder.pair(request.topic(), request.callback());
        long order = requestOrder.received(pair);
        Runnable release = () -> {
            requestOrder.done(pair);
            waitingByHost.release(host);
            if (client.isPresent()) {
                waitingByClient.release(asker);
            }
        };
        long queued = System.nanoTime();
        try {
            verifiers.execute(() -> {
                try {
                    if (System.nanoTime() - queued > WAIT_AT_MOST.toNanos()) {
                        LOG.info("websub: {} of {} dropped unverified after waiting {} s for a verifier",
                                request.mode().value(), request.callback(), WAIT_AT_MOST.toSeconds());
                        return;
                    }
                    verify(request, pair, order);
                } finally {
                    release.run();
                }
            });
        } catch (RejectedExecutionException e) {
            release.run();
            throw new BusyException("the hub has " + WAITING_REQUESTS + " requests waiting for verification; try again later");
        }
    }

    /** The topic's canonical self URL when it names one of our feeds (the slug found as feeds find it). */
    private Optional<String> canonical(String topic) {
        Optional<Topic> parsed = topics.parse(topic);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        try {
            FeedSubject subject = database.read(connection -> FeedSubject.follow(connection, site, parsed.get().key(), 1));
            return Optional.of(links.feed(subject.key(), parsed.get().format()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private void verify(HubRequest request, String pair, long order) {
        try {
            Optional<String> topic = canonical(request.topic());
            if (topic.isEmpty()) {
                deny(request, "not a feed of this hub: topics are the first pages of the site, category, author and tag"
                        + " feeds of " + site.baseUrl() + " in RSS, Atom or JSON Feed");
                return;
            }
            boolean subscribe = request.mode() == HubRequest.Mode.SUBSCRIBE;
            if (subscribe && isFull(topic.get(), request.callback())) {
                deny(request, "this hub holds its maximum of " + config.maxSubscriptions() + " subscriptions");
                return;
            }
            Duration lease = config.lease(request.leaseSeconds());
            HubClient.Outcome outcome = client.verify(request.callback(), request.mode(), request.topic(), challenge(),
                    subscribe ? Optional.of(lease) : Optional.empty());
            if (!outcome.ok()) {
                LOG.info("websub: {} of {} to {} not verified: {}", request.mode().value(), request.callback(), topic.get(),
                        outcome.problem());
                return;
            }
            Instant now = clock.instant();
            database.write(connection -> {
                if (!requestOrder.takesEffect(pair, order)) {
                    LOG.info("websub: {} of {} to {} verified after a later request for them took effect: dropped",
                            request.mode().value(), request.callback(), topic.get());
                    return null;
                }
                if (subscribe) {
                    subscriptions.upsert(connection, topic.get(), request.callback(), request.secret().orElse(null),
                            now.plus(lease), now);
                } else {
                    subscriptions.delete(connection, topic.get(), request.callback());
                }
                return null;
            });
            LOG.info("websub: {} of {} to {} verified", request.mode().value(), request.callback(), topic.get());
        } catch (RuntimeException e) {
            LOG.warn("websub: {} of {} to {} failed", request.mode().value(), request.callback(), request.topic(), e);
        }
    }

    /** New subscriptions are refused at the limit; renewing one the callback already holds is not. */
    private boolean isFull(String topic, String callback) {
        Instant now = clock.instant();
        return database.read(connection -> subscriptions.countActive(connection, now) >= config.maxSubscriptions()
                && !subscriptions.isActive(connection, topic, callback, now));
    }

    private void deny(HubRequest request, String reason) {
        HubClient.Outcome outcome = client.deny(request.callback(), request.topic(), reason);
        LOG.info("websub: denied {} of {} to {}: {}{}", request.mode().value(), request.callback(), request.topic(), reason,
                outcome.ok() ? "" : " (the denial did not arrive: " + outcome.problem() + ")");
    }

    /** 32 random bytes, base64url: unguessable, and safe in a query string. */
    private String challenge() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        verifiers.shutdownNow();
        try {
            verifiers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
