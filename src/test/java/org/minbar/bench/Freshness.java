package org.minbar.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.minbar.support.Subscriber;

/**
 * How soon a published article reaches readers on an idle server. Each round publishes one
 * article, then from its 201 polls /feed/ with If-None-Match every few milliseconds until the
 * article is there, and until its item carries related links, and waits for a loopback WebSub
 * subscriber of /feed/atom/ to be pushed a document holding it. Times are from the 201 (a push
 * that arrived before the 201 was read counts as negative).
 */
final class Freshness {

    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration IDLE = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int WARM_UP_ROUNDS = 2;
    private static final String TOPIC = "/feed/atom/";
    private static final String CALLBACK = "/bench/site-atom";

    /** The rounds' times; {@code related} and {@code pushed} hold only the rounds where they came within WAIT. */
    record Result(int rounds, Latencies publish, Latencies inFeed, Latencies related, Latencies pushed,
                  int pushesWithRelated, String note) {}

    private record Round(long publish, long inFeed, long related, long pushed, boolean pushHadRelated) {}

    private final MinbarClient client;
    private final ArabicNews news;
    private final AtomicLong serial;

    Freshness(MinbarClient client, String run, AtomicLong serial) {
        this.client = client;
        this.news = new ArabicNews(run, 5 + serial.get());
        this.serial = serial;
    }

    Result run(int rounds) throws Exception {
        try (Subscriber subscriber = Subscriber.start()) {
            String note = subscribe(subscriber);
            List<Round> done = new ArrayList<>();
            for (int i = -WARM_UP_ROUNDS; i < rounds; i++) {
                Round round = round(subscriber, note.isEmpty());
                if (i >= 0) {
                    done.add(round);
                }
            }
            if (note.isEmpty()) {
                unsubscribe(subscriber); // else the hub retries pushes to a closed port for the rest of the run
            }
            List<Long> related = done.stream().map(Round::related).filter(t -> t != Long.MIN_VALUE).toList();
            List<Long> pushed = done.stream().map(Round::pushed).filter(t -> t != Long.MIN_VALUE).toList();
            return new Result(done.size(), Latencies.of(done.stream().map(Round::publish).toList()),
                    Latencies.of(done.stream().map(Round::inFeed).filter(t -> t != Long.MIN_VALUE).toList()),
                    Latencies.of(related), Latencies.of(pushed),
                    (int) done.stream().filter(Round::pushHadRelated).count(), note);
        }
    }

    /** Subscribes to the site's Atom feed; empty when the hub verified the subscription, else what went wrong. */
    private String subscribe(Subscriber subscriber) throws Exception {
        HttpResponse<String> answer = client.hub("subscribe", client.base() + TOPIC, subscriber.url(CALLBACK));
        if (answer.statusCode() != 202) {
            return "subscribing answered " + answer.statusCode() + " " + PublishLoad.snippet(answer.body());
        }
        if (subscriber.nextVerification(Duration.ofSeconds(10)) == null) {
            return "the hub never verified the subscription";
        }
        Thread.sleep(200); // the hub stores the subscription once the challenge is answered
        return "";
    }

    private void unsubscribe(Subscriber subscriber) throws Exception {
        client.hub("unsubscribe", client.base() + TOPIC, subscriber.url(CALLBACK));
        subscriber.nextVerification(Duration.ofSeconds(10));
        Thread.sleep(200);
    }

    private Round round(Subscriber subscriber, boolean subscribed) throws Exception {
        Thread.sleep(IDLE.toMillis());
        while (subscriber.nextPost(Duration.ZERO) != null) {
            // pushes for earlier rounds
        }
        ArabicNews.NewsArticle article = news.article(serial.incrementAndGet());
        long sent = System.nanoTime();
        HttpResponse<String> response = client.publish(article.json());
        long accepted = System.nanoTime();
        Instant acceptedAt = Instant.now();
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("publishing answered " + response.statusCode() + " " + PublishLoad.snippet(response.body()));
        }
        long inFeed = Long.MIN_VALUE;
        long related = Long.MIN_VALUE;
        Optional<String> etag = Optional.empty();
        while (related == Long.MIN_VALUE && System.nanoTime() - accepted < WAIT.toNanos()) {
            HttpResponse<String> feed;
            try {
                feed = client.get("/feed/", etag, WAIT);
            } catch (IOException e) {
                continue; // a poll that timed out or failed: the next one, until WAIT is up
            }
            long now = System.nanoTime();
            if (feed.statusCode() == 200) {
                etag = feed.headers().firstValue("ETag");
                Optional<String> item = chunk(feed.body(), ">" + article.guid() + "<", "<item>", "</item>");
                if (item.isPresent() && inFeed == Long.MIN_VALUE) {
                    inFeed = now - accepted;
                }
                if (item.isPresent() && item.get().contains("rel=\"related\"")) {
                    related = now - accepted;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        long pushed = Long.MIN_VALUE;
        boolean pushHadRelated = false;
        while (subscribed && pushed == Long.MIN_VALUE) {
            long left = WAIT.toNanos() - (System.nanoTime() - accepted);
            Subscriber.Received post = subscriber.nextPost(Duration.ofNanos(Math.max(0, Math.min(left, 100_000_000))));
            if (post == null && left <= 0) {
                break; // pushes that came while /feed/ was polled are queued, so they are read above first
            }
            Optional<String> entry = post == null ? Optional.empty()
                    : chunk(post.text(), "<id>" + article.guid() + "</id>", "<entry", "</entry>");
            if (entry.isPresent()) {
                pushed = Duration.between(acceptedAt, post.at()).toNanos();
                pushHadRelated = entry.get().contains("rel=\"related\"");
            }
        }
        return new Round(accepted - sent, inFeed, related, pushed, pushHadRelated);
    }

    /** The element around {@code marker} in a feed document (an item or entry), if the marker is there. */
    static Optional<String> chunk(String document, String marker, String open, String close) {
        int at = document.indexOf(marker);
        if (at < 0) {
            return Optional.empty();
        }
        int start = Math.max(0, document.lastIndexOf(open, at));
        int end = document.indexOf(close, at);
        return Optional.of(document.substring(start, end < 0 ? document.length() : end));
    }
}
