package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.storage.Database;
import org.minbar.storage.SqliteDatabase;
import org.minbar.support.Articles;
import org.minbar.support.AtomSchema;
import org.minbar.support.Subscriber;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.minbar.websub.Signatures;
import org.w3c.dom.Element;

/**
 * The WebSub hub end to end: a real server and real subscribers on 127.0.0.1 (so the test site
 * allows private callbacks), the verification handshake, denials, signed content distribution
 * with its Link headers, retries, leases, unsubscribing, and deliveries that outlive a restart.
 */
class WebSubIT {

    static final String SETTINGS = "{\"websub\": {\"allowPrivateCallbacks\": true, \"minLeaseSeconds\": 1,"
            + " \"retryBaseSeconds\": 1}}";
    static final Duration WAIT = Duration.ofSeconds(10);
    /** How long a test waits to be sure something does not arrive. */
    static final Duration QUIET = Duration.ofSeconds(2);
    static final String SYRIA = "%D8%B3%D9%88%D8%B1%D9%8A%D8%A7";

    @TempDir
    Path storage;
    TestServer server;
    Subscriber subscriber;

    @BeforeEach
    void start() {
        server = TestServer.withSiteSettings(storage, SETTINGS);
        subscriber = Subscriber.start();
        publish("urn:test:first", "خبر أول عن سوريا", "سوريا");
        publish("urn:test:lebanon", "خبر أول عن لبنان", "لبنان");
    }

    @AfterEach
    void stop() {
        subscriber.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aVerifiedSubscriberGetsTheFeedSignedWithItsLinksWhenAnArticleIsPublished() throws Exception {
        // The topic as an IRI without its trailing slash: normalized to the percent-encoded self URL.
        String topic = server.base() + "/category/سوريا/feed/atom";
        String canonical = server.base() + "/category/" + SYRIA + "/feed/atom/";
        HttpResponse<byte[]> accepted = subscribe(topic, subscriber.url("/cb"), "hub.secret", "سر-المشترك", "hub.lease_seconds", "3600");
        assertEquals(202, accepted.statusCode(), TestServer.text(accepted));

        Map<String, String> verification = subscriber.nextVerification(WAIT);
        assertNotNull(verification, "the hub verifies intent with a GET");
        assertEquals("subscribe", verification.get("hub.mode"));
        assertEquals(topic, verification.get("hub.topic"), "the topic as the subscriber gave it");
        assertEquals("3600", verification.get("hub.lease_seconds"));
        assertTrue(verification.get("hub.challenge").length() >= 32, "an unguessable challenge");
        awaitSubscriptions(canonical, 1);

        Instant published = Instant.now();
        publish("urn:test:new", "قصف جديد على ريف إدلب", "سوريا");
        Subscriber.Received delivery = subscriber.nextPost(WAIT);
        assertNotNull(delivery, "the new article is pushed");
        System.out.println("WebSub publish -> delivery latency: " + Duration.between(published, delivery.at()).toMillis() + " ms");

        assertEquals("application/atom+xml; charset=utf-8", delivery.header("Content-Type"));
        assertEquals(Signatures.sha256("سر-المشترك", delivery.body()), delivery.header("X-Hub-Signature"));
        assertTrue(delivery.headers().get("Link").contains("<" + server.base() + "/websub>; rel=\"hub\""), delivery.headers().toString());
        assertTrue(delivery.headers().get("Link").contains("<" + canonical + ">; rel=\"self\""), delivery.headers().toString());
        AtomSchema.validate(delivery.body());
        SyndFeed feed = Xml.rome(delivery.body());
        assertTrue(feed.getEntries().stream().map(SyndEntry::getTitle).anyMatch("قصف جديد على ريف إدلب"::equals));
        assertNull(subscriber.nextPost(QUIET), "one write, one delivery");
    }

    @Test
    void resubscribingRenewsTheLeaseAndReplacesTheSecret() throws Exception {
        String topic = server.base() + "/feed/json/";
        subscribe(topic, subscriber.url("/cb"), "hub.secret", "first-secret");
        subscriber.nextVerification(WAIT);
        subscribe(topic, subscriber.url("/cb"), "hub.secret", "second-secret");
        assertNotNull(subscriber.nextVerification(WAIT));
        awaitSecret(topic, "second-secret");
        assertEquals(1, subscriptions(topic));

        publish("urn:test:json", "خبر لقراء JSON", "لبنان");
        Subscriber.Received delivery = subscriber.nextPost(WAIT);
        assertNotNull(delivery);
        assertEquals(Signatures.sha256("second-secret", delivery.body()), delivery.header("X-Hub-Signature"));
        assertEquals("application/feed+json; charset=utf-8", delivery.header("Content-Type"));
        assertTrue(delivery.text().contains("خبر لقراء JSON"));
    }

    @Test
    void aCallbackThatDoesNotEchoTheChallengeIsNotSubscribedAndGetsNothing() throws Exception {
        subscriber.answerWithoutTheChallenge();
        subscribe(server.base() + "/feed/", subscriber.url("/cb"));
        assertNotNull(subscriber.nextVerification(WAIT));
        publish("urn:test:unheard", "خبر لن يصل", "سوريا");
        assertNull(subscriber.nextPost(QUIET));
        assertEquals(0, subscriptions(server.base() + "/feed/"));
    }

    @Test
    void aCallbackThatIsDownIsNotSubscribed() throws Exception {
        Subscriber down = Subscriber.start();
        String callback = down.url("/cb");
        down.close();
        assertEquals(202, subscribe(server.base() + "/feed/", callback).statusCode());
        Thread.sleep(QUIET.toMillis()); // the hub tries, is refused, and stores nothing
        assertEquals(0, subscriptions(server.base() + "/feed/"));
    }

    @Test
    void topicsThatAreNotOurFeedsAreDeniedWithAReason() throws Exception {
        // Another host, an unknown category, a search feed, a second page, an HTML page, not a URL at all.
        for (String topic : new String[] {"https://elsewhere.example/feed/", server.base() + "/category/غير-موجود/feed/",
                server.base() + "/search/إدلب/feed/", server.base() + "/feed/?paged=2", server.base() + "/category/سوريا/",
                "not a url"}) {
            assertEquals(202, subscribe(topic, subscriber.url("/cb")).statusCode(), topic);
            Map<String, String> denial = subscriber.nextDenial(WAIT);
            assertNotNull(denial, "a denial for " + topic);
            assertEquals(topic, denial.get("hub.topic"));
            assertTrue(denial.get("hub.reason").startsWith("not a feed of this hub"), denial.get("hub.reason"));
        }
        assertNull(subscriber.nextVerification(Duration.ZERO), "no verification for a denied topic");
    }

    @Test
    void badRequestsAreRefusedAtOnceNamingTheParameter() {
        String feed = server.base() + "/feed/";
        String callback = subscriber.url("/cb");
        assertBad("hub.mode", subscribe2("hub.topic", feed, "hub.callback", callback));
        assertBad("hub.mode", subscribe2("hub.mode", "publish", "hub.topic", feed, "hub.callback", callback));
        assertBad("hub.mode", subscribe2("hub.mode", "subscribe", "hub.mode", "unsubscribe", "hub.topic", feed, "hub.callback", callback));
        assertBad("hub.topic", subscribe2("hub.mode", "subscribe", "hub.callback", callback));
        assertBad("hub.callback", subscribe2("hub.mode", "subscribe", "hub.topic", feed));
        assertBad("hub.callback", subscribe(feed, "ftp://127.0.0.1/cb"));
        assertBad("hub.callback", subscribe(feed, "/relative/cb"));
        assertBad("hub.callback", subscribe(feed, callback + "?pad=" + "x".repeat(2048)));
        assertBad("hub.callback", subscribe(feed, "http://user:pass@127.0.0.1/cb"));
        for (String lease : new String[] {"0", "-5", "abc", "1.5", "١٠"}) {
            assertBad("hub.lease_seconds", subscribe(feed, callback, "hub.lease_seconds", lease));
        }
        assertBad("hub.secret", subscribe(feed, callback, "hub.secret", "s".repeat(200)));
        assertBad("hub.secret", subscribe(feed, callback, "hub.secret", "سر".repeat(50))); // 100 characters, 200 bytes

        HttpResponse<byte[]> json = server.send(server.request("/websub", "Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"hub.mode\": \"subscribe\"}")).build());
        assertEquals(415, json.statusCode());
        HttpResponse<byte[]> huge = server.send(server.request("/websub", "Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hub.secret=" + "x".repeat(20_000))).build());
        assertEquals(413, huge.statusCode());
        HttpResponse<byte[]> about = server.get("/websub");
        assertEquals(200, about.statusCode());
        assertTrue(TestServer.text(about).contains("hub.mode=subscribe"));
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackOffUntilItArrives() throws Exception {
        subscribeAndAwait(server.base() + "/feed/", subscriber);
        subscriber.thenAnswer(500);
        publish("urn:test:retry", "خبر يصل في المحاولة الثانية", "سوريا");
        Subscriber.Received refused = subscriber.nextPost(WAIT);
        assertNotNull(refused, "the first attempt, answered 500");
        Subscriber.Received retried = subscriber.nextPost(WAIT);
        assertNotNull(retried, "the retry after the back-off");
        long waited = Duration.between(refused.at(), retried.at()).toMillis();
        System.out.println("WebSub retry came " + waited + " ms after the refused attempt (base 1 s)");
        assertTrue(waited >= 900, "the retry waits for the back-off: " + waited + " ms");
        assertTrue(retried.text().contains("خبر يصل في المحاولة الثانية"));
        assertNull(subscriber.nextPost(Duration.ofSeconds(3)), "delivered once, then nothing more");
    }

    @Test
    void aBurstLargerThanAPageReachesASubscriberWholeAfterItsDeliveriesFailed() throws Exception {
        server.close();
        server = TestServer.withSiteSettings(storage, "{\"itemsPerFeed\": 2, \"websub\":"
                + " {\"allowPrivateCallbacks\": true, \"minLeaseSeconds\": 1, \"retryBaseSeconds\": 1}}");
        subscribeAndAwait(server.base() + "/feed/", subscriber);
        subscriber.thenAnswer(200, 500, 500); // the first delivery arrives; the next two attempts fail while the burst comes
        publish("urn:test:before-burst", "خبر قبل الموجة", "سوريا");
        assertNotNull(subscriber.nextPost(WAIT), "the first delivery");
        List<String> burst = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            burst.add("urn:test:wave-" + i);
            publish("urn:test:wave-" + i, "خبر في موجة كبيرة رقم " + i, "سوريا");
        }
        // Far more than a current document of 2-4 entries holds: most went to archives before a push got through.
        Set<String> received = new HashSet<>();
        for (Subscriber.Received post = subscriber.nextPost(WAIT); post != null && !received.containsAll(burst);
             post = subscriber.nextPost(WAIT)) {
            SyndFeed pushed = Xml.rome(post.body());
            pushed.getEntries().forEach(entry -> received.add(entry.getUri()));
        }
        assertTrue(received.containsAll(burst), "every article of the burst reached the subscriber: " + received);
    }

    @Test
    void aLeaseThatRanOutGetsNothing() throws Exception {
        subscribe(server.base() + "/feed/", subscriber.url("/cb"), "hub.lease_seconds", "1");
        assertEquals("1", subscriber.nextVerification(WAIT).get("hub.lease_seconds"));
        awaitSubscriptions(server.base() + "/feed/", 1);
        Thread.sleep(1_500);
        publish("urn:test:late", "خبر بعد انتهاء الاشتراك", "سوريا");
        assertNull(subscriber.nextPost(QUIET));
    }

    @Test
    void aPublishReachesTheSubscribersOfItsCategoryAndNotOfAnother() throws Exception {
        try (Subscriber lebanon = Subscriber.start()) {
            subscribeAndAwait(server.base() + "/category/" + SYRIA + "/feed/", subscriber);
            subscribeAndAwait(server.base() + "/category/لبنان/feed/", lebanon);
            publish("urn:test:syria-only", "خبر من دمشق", "سوريا");
            Subscriber.Received delivery = subscriber.nextPost(WAIT);
            assertNotNull(delivery);
            assertEquals("application/rss+xml; charset=utf-8", delivery.header("Content-Type"));
            assertNull(delivery.header("X-Hub-Signature"), "no secret, no signature");
            assertTrue(Xml.rome(delivery.body()).getEntries().stream().anyMatch(e -> e.getTitle().equals("خبر من دمشق")));
            assertNull(lebanon.nextPost(QUIET), "another category's subscriber hears nothing");

            // Moved from سوريا to لبنان: both feeds changed, so both subscribers are told; then deleted: لبنان again.
            server.putJson("/api/articles/" + idOf("urn:test:syria-only"),
                    Articles.brief("urn:test:syria-only", "خبر من دمشق", "لبنان", "نور الدين", "2026-01-02T10:00:00Z"));
            assertNotNull(subscriber.nextPost(WAIT), "the feed the article left");
            assertNotNull(lebanon.nextPost(WAIT), "the feed the article joined");
            assertEquals(204, server.delete("/api/articles/" + idOf("urn:test:syria-only")).statusCode());
            assertNotNull(lebanon.nextPost(WAIT), "the feed it was deleted from");
            assertNull(subscriber.nextPost(QUIET));
        }
    }

    @Test
    void aSlowSubscriberDoesNotHoldUpTheOthers() throws Exception {
        try (Subscriber fast = Subscriber.start()) {
            subscriber.answerPostsAfter(Duration.ofSeconds(5));
            subscribeAndAwait(server.base() + "/feed/", subscriber);
            subscribeAndAwait(server.base() + "/feed/", fast);
            Instant published = Instant.now();
            publish("urn:test:slow", "خبر للمشتركين جميعاً", "سوريا");
            Subscriber.Received quick = fast.nextPost(WAIT);
            Subscriber.Received slow = subscriber.nextPost(WAIT);
            assertNotNull(quick);
            assertNotNull(slow);
            System.out.println("WebSub delivery beside a subscriber that answers in 5 s: "
                    + Duration.between(published, quick.at()).toMillis() + " ms");
            assertTrue(quick.at().isBefore(slow.at().plusSeconds(4)), "the fast subscriber is not kept waiting for the slow one");
        }
    }

    @Test
    void stalledSubscribersHoldOneRequestEachAndNeverKeepALiveOneWaitingThroughABurstOfPublishes() throws Exception {
        // More stalled callbacks than the hub once had sending threads, and more writes than one.
        String site = server.base() + "/feed/";
        subscriber.answerPostsAfter(Duration.ofSeconds(8));
        for (int i = 1; i <= 6; i++) {
            subscribeAndAwait(site, subscriber, "/stalled/" + i);
        }
        try (Subscriber live = Subscriber.start()) {
            subscribeAndAwait(site, live, "/cb");
            Instant published = Instant.now();
            for (int i = 1; i <= 3; i++) {
                publish("urn:test:burst-" + i, "خبر متتابع رقم " + i, "سوريا");
            }
            Subscriber.Received latest = awaitPostContaining(live, "خبر متتابع رقم 3"); // the burst's last article
            long waited = Duration.between(published, latest.at()).toMillis();
            System.out.println("WebSub delivery of a 3-article burst beside 6 stalled subscribers: " + waited + " ms");
            assertTrue(waited < 5_000, "not kept waiting for the stalled ones (answering after 8 s): " + waited + " ms");

            Set<String> stalledPaths = new HashSet<>();
            int requests = 0;
            for (Subscriber.Received post = subscriber.nextPost(QUIET); post != null && post.at().isBefore(published.plusSeconds(7));
                 post = subscriber.nextPost(QUIET)) {
                stalledPaths.add(post.path());
                requests++;
            }
            // One host's callbacks share a lane: two requests open at a time, each to a different callback.
            assertEquals(2, requests, "the stalled host's lane holds two requests open, not one per callback or publish");
            assertEquals(2, stalledPaths.size(), "never two requests to one callback");
        }
    }

    @Test
    void aLiveSubscriberGetsItsPushWithinASecondBesideAThousandStalledOnes() throws Exception {
        try (ServerSocket stalled = new ServerSocket(0, 2_000, InetAddress.getByName("127.0.0.2"))) {
            List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> { // reads nothing, answers nothing: each delivery waits out its timeout
                try {
                    while (true) {
                        held.add(stalled.accept());
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String site = server.base() + "/feed/";
            subscribeAndAwait(site, subscriber);
            // A thousand verified subscriptions whose callbacks stall, as if they had subscribed over days.
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + storage.resolve(SqliteDatabase.FILE_NAME));
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO websub_subscriptions"
                         + " (topic, callback, expires_at, created_at, renewed_at, lane) VALUES (?, ?, ?, ?, ?, ?)")) {
                connection.createStatement().execute("PRAGMA busy_timeout = 10000");
                long now = System.currentTimeMillis();
                for (int i = 0; i < 1_000; i++) {
                    String callback = "http://127.0.0.2:" + stalled.getLocalPort() + "/stalled/" + i;
                    insert.setString(1, site);
                    insert.setString(2, callback);
                    insert.setLong(3, now + 3_600_000);
                    insert.setLong(4, now);
                    insert.setLong(5, now);
                    insert.setString(6, "127.0.0.2:" + stalled.getLocalPort());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            for (int round = 1; round <= 3; round++) {
                Instant published = Instant.now();
                publish("urn:test:beside-stalled-" + round, "خبر بجانب المشتركين المتوقفين " + round, "سوريا");
                Subscriber.Received pushed = awaitPostContaining(subscriber, "خبر بجانب المشتركين المتوقفين " + round);
                long waited = Duration.between(published, pushed.at()).toMillis();
                System.out.println("WebSub push beside 1,000 stalled subscribers, round " + round + ": " + waited + " ms");
                assertTrue(waited < 1_000, "round " + round + ": " + waited + " ms");
            }
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aStalledExternalHubDoesNotTakeTheSubscribersShareOfOpenRequests() throws Exception {
        server.close();
        try (Subscriber stalledHub = Subscriber.start().answerPostsAfter(Duration.ofSeconds(8))) {
            server = TestServer.withSiteSettings(storage, "{\"websub\": {\"allowPrivateCallbacks\": true,"
                    + " \"externalHubs\": [\"" + stalledHub.url("/hub") + "\"]}}");
            subscribeAndAwait(server.base() + "/feed/atom/", subscriber);
            // Eight articles, each in its own category, by its own author, so the hub is pinged about 75 topics.
            Instant published = Instant.now();
            for (int i = 1; i <= 8; i++) {
                assertEquals(201, server.postJson(Articles.brief("urn:test:pinged-" + i, "خبر يبلّغ عنه رقم " + i,
                        "قسم " + i, "كاتب " + i, "2026-01-0" + i + "T10:00:00Z")).statusCode());
            }
            Subscriber.Received latest = awaitPostContaining(subscriber, "خبر يبلّغ عنه رقم 8");
            long waited = Duration.between(published, latest.at()).toMillis();
            System.out.println("WebSub delivery beside an external hub that answers its pings in 8 s: " + waited + " ms");
            assertTrue(waited < 6_000, "not kept waiting behind the stalled hub's pings: " + waited + " ms");
            int pings = 0;
            for (Subscriber.Received ping = stalledHub.nextPost(WAIT); ping != null && ping.at().isBefore(published.plusSeconds(7));
                 ping = stalledHub.nextPost(Duration.ofSeconds(1))) {
                pings++;
            }
            assertEquals(8, pings, "the hub's pings are open eight at a time, however many topics changed");
        }
    }

    @Test
    void aPushedFeedCarriesTheNewArticlesRelatedStories() throws Exception {
        subscribeAndAwait(server.base() + "/feed/atom/", subscriber);
        story("urn:test:idlib-1", "الجيش السوري يستعيد بلدات في ريف إدلب الجنوبي بعد معارك عنيفة",
                "استعاد الجيش السوري بلدات في ريف إدلب الجنوبي بعد معارك عنيفة مع الفصائل المسلحة قرب الطريق الدولي.");
        awaitPostContaining(subscriber, "urn:test:idlib-1");
        story("urn:test:idlib-2", "معارك عنيفة في ريف إدلب والجيش السوري يتقدم نحو بلدات جديدة",
                "تقدم الجيش السوري نحو بلدات جديدة في ريف إدلب الجنوبي وسط معارك عنيفة مع الفصائل المسلحة على الطريق الدولي.");
        Subscriber.Received push = awaitPostContaining(subscriber, "urn:test:idlib-2");
        Element entry = Xml.all(Xml.parse(push.body()), Xml.ATOM, "entry").stream()
                .filter(e -> Xml.text(e, Xml.ATOM, "id").equals("urn:test:idlib-2")).findFirst().orElseThrow();
        List<String> related = Xml.children(entry, Xml.ATOM, "link").stream()
                .filter(link -> link.getAttribute("rel").equals("related")).map(link -> link.getAttribute("title")).toList();
        assertTrue(related.contains("الجيش السوري يستعيد بلدات في ريف إدلب الجنوبي بعد معارك عنيفة"),
                "the push waited for the new article's related stories: " + related);
    }

    private void story(String guid, String title, String text) {
        String json = """
            {"guid": "%s", "title": "%s", "content": "<p>%s</p>", "author": {"name": "نور الدين"},
             "categories": ["سوريا"], "published": "2026-02-01T10:00:00Z"}
            """.formatted(guid, title, text);
        assertEquals(201, server.postJson(json).statusCode());
    }

    /** The first POST to reach {@code who} whose body holds {@code text}, skipping earlier ones. */
    private static Subscriber.Received awaitPostContaining(Subscriber who, String text) throws InterruptedException {
        for (Subscriber.Received post = who.nextPost(WAIT); post != null; post = who.nextPost(WAIT)) {
            if (post.text().contains(text)) {
                return post;
            }
        }
        throw new AssertionError("no push holding " + text + " within " + WAIT);
    }

    @Test
    void callbacksThatNeverAnswerHoldFourVerificationsOfTheirHostAndALegitimateSubscriberIsVerifiedAtOnce() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 2_000, InetAddress.getByName("127.0.0.2"))) {
            List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> { // accepts and never answers
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            int acceptedRequests = 0;
            for (int i = 0; i < 1_000; i++) {
                HttpResponse<byte[]> answer = subscribe(server.base() + "/feed/", "http://127.0.0.2:" + silent.getLocalPort() + "/cb/" + i);
                if (answer.statusCode() == 202) {
                    acceptedRequests++;
                } else {
                    assertEquals(429, answer.statusCode(), TestServer.text(answer));
                    assertTrue(TestServer.text(answer).contains("callbacks on 127.0.0.2 have 4 requests waiting"), TestServer.text(answer));
                }
            }
            assertEquals(4, acceptedRequests, "one host holds four verifications at most");
            Instant asked = Instant.now();
            subscribeAndAwait(server.base() + "/feed/", subscriber);
            long waited = Duration.between(asked, Instant.now()).toMillis();
            System.out.println("WebSub verification beside 1,000 silent callbacks: " + waited + " ms");
            assertTrue(waited < 2_000, "verified at once: " + waited + " ms");
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aFullHubDeniesNewSubscriptionsButRenewsExistingOnes() throws Exception {
        server.close();
        server = TestServer.withSiteSettings(storage, "{\"websub\": {\"allowPrivateCallbacks\": true, \"maxSubscriptions\": 1}}");
        subscribeAndAwait(server.base() + "/feed/", subscriber);
        try (Subscriber second = Subscriber.start()) {
            subscribe(server.base() + "/feed/atom/", second.url("/cb"));
            Map<String, String> denial = second.nextDenial(WAIT);
            assertNotNull(denial, "a new subscription beyond the limit is denied");
            assertEquals("this hub holds its maximum of 1 subscriptions", denial.get("hub.reason"));
        }
        subscribe(server.base() + "/feed/", subscriber.url("/cb"));
        assertNotNull(subscriber.nextVerification(WAIT), "renewing the one it holds is verified as usual");
    }

    @Test
    void unsubscribingIsVerifiedAndThenNothingMoreArrives() throws Exception {
        String topic = server.base() + "/feed/atom/";
        subscribeAndAwait(topic, subscriber);
        assertEquals(202, server.postForm("/websub", "hub.mode", "unsubscribe", "hub.topic", topic,
                "hub.callback", subscriber.url("/cb")).statusCode());
        Map<String, String> verification = subscriber.nextVerification(WAIT);
        assertEquals("unsubscribe", verification.get("hub.mode"));
        assertNull(verification.get("hub.lease_seconds"));
        awaitSubscriptions(topic, 0);
        publish("urn:test:after", "خبر بعد إلغاء الاشتراك", "سوريا");
        assertNull(subscriber.nextPost(QUIET));
    }

    @Test
    void aDeliveryQueuedWhileTheSubscriberIsDownArrivesAfterARestart() throws Exception {
        // Topics are stored as self URLs, so the site keeps its public address across the restart.
        String behindProxy = "{\"baseUrl\": \"https://news.example.org\", \"websub\": {\"allowPrivateCallbacks\": true,"
                + " \"retryBaseSeconds\": 1}}";
        server.close();
        server = TestServer.withSiteSettings(storage, behindProxy);
        subscribeAndAwait("https://news.example.org/feed/", subscriber);
        int port = subscriber.port();
        subscriber.close();
        publish("urn:test:queued", "خبر ينتظر المشترك", "سوريا");
        Thread.sleep(500); // the first attempt is refused and a retry is scheduled
        server.close();
        server = null;
        server = TestServer.withSiteSettings(storage, behindProxy);
        subscriber = Subscriber.start(port);
        Subscriber.Received delivery = subscriber.nextPost(Duration.ofSeconds(20));
        assertNotNull(delivery, "the stored delivery is sent by the new server");
        assertTrue(delivery.text().contains("خبر ينتظر المشترك"));
    }

    private HttpResponse<byte[]> subscribe(String topic, String callback, String... more) {
        String[] pairs = new String[4 + more.length];
        pairs[0] = "hub.mode";
        pairs[1] = "subscribe";
        pairs[2] = "hub.topic";
        pairs[3] = topic;
        System.arraycopy(more, 0, pairs, 4, more.length);
        String[] withCallback = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        withCallback[pairs.length] = "hub.callback";
        withCallback[pairs.length + 1] = callback;
        return server.postForm("/websub", withCallback);
    }

    private HttpResponse<byte[]> subscribe2(String... pairs) {
        return server.postForm("/websub", pairs);
    }

    private void subscribeAndAwait(String topic, Subscriber who) throws Exception {
        subscribeAndAwait(topic, who, "/cb");
    }

    private void subscribeAndAwait(String topic, Subscriber who, String path) throws Exception {
        assertEquals(202, subscribe(topic, who.url(path)).statusCode());
        assertNotNull(who.nextVerification(WAIT));
        // This callback's own row: other subscribers of the same topic may be stored at the same time.
        String canonical = topic.replace("لبنان", "%D9%84%D8%A8%D9%86%D8%A7%D9%86");
        long deadline = System.nanoTime() + WAIT.toNanos();
        String sql = "SELECT count(*) FROM websub_subscriptions WHERE topic = ? AND callback = '" + who.url(path) + "'";
        while (query(sql, canonical) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, query(sql, canonical), "subscription of " + who.url(path) + " to " + canonical);
    }

    private static void assertBad(String parameter, HttpResponse<byte[]> response) {
        String body = TestServer.text(response);
        assertEquals(400, response.statusCode(), body);
        assertTrue(body.contains("\"field\" : \"" + parameter + "\""), body);
    }

    private void publish(String guid, String title, String category) {
        HttpResponse<byte[]> response = server.postJson(Articles.brief(guid, title, category, "نور الدين", "2026-01-01T10:00:00Z"));
        assertTrue(response.statusCode() == 201 || response.statusCode() == 200, TestServer.text(response));
    }

    private long idOf(String guid) throws SQLException {
        return query("SELECT id FROM articles WHERE guid = ?", guid);
    }

    /** The subscription is stored right after the callback answers; waits until it is (or is gone). */
    private void awaitSubscriptions(String topic, long expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (subscriptions(topic) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, subscriptions(topic), "subscriptions to " + topic);
    }

    private void awaitSecret(String topic, String secret) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (query("SELECT count(*) FROM websub_subscriptions WHERE topic = ? AND secret = '" + secret + "'", topic) == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private long subscriptions(String topic) throws SQLException {
        return query("SELECT count(*) FROM websub_subscriptions WHERE topic = ?", topic);
    }

    /** Reads the server's SQLite file beside it, as an operator would with the sqlite3 shell. */
    private long query(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + storage.resolve(SqliteDatabase.FILE_NAME));
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }
}
