package org.minbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Articles;
import org.minbar.support.Postgres;
import org.minbar.support.ServerProcess;
import org.minbar.support.Subscriber;
import org.minbar.support.TestServer;
import org.minbar.support.Varnish;

/**
 * Two nodes, each a server process of its own with its own storage folder (search index, node
 * name), sharing one real PostgreSQL database (Debian's, in a temporary folder): a write on either
 * is served by both, with the same bytes and validators; a WebSub subscriber gets one push a
 * change, not one a node; killing a node in the middle of a burst loses no acknowledged write;
 * losing PostgreSQL makes writes 503 with Retry-After while feeds are still served, and service
 * comes back by itself; and Varnish in front of one node is purged of changes written on the other.
 */
class ClusterIT {

    private static final String SITE = "http://news.example";
    private static final String SETTINGS = "{\"baseUrl\": \"" + SITE + "\", \"websub\": {\"allowPrivateCallbacks\": true}}";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    Postgres postgres;
    String database;
    final List<Process> nodes = new ArrayList<>();
    final List<List<String>> outputs = new ArrayList<>();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startPostgres() throws Exception {
        postgres = Postgres.start();
        database = postgres.createDatabase();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process node : nodes) {
            node.destroyForcibly();
            node.waitFor(10, TimeUnit.SECONDS);
        }
        for (List<String> output : outputs) { // what each node said, in the test's report
            synchronized (output) {
                output.stream().skip(Math.max(0, output.size() - 40)).forEach(line -> System.out.println("node: " + line));
            }
        }
        postgres.close();
    }

    @Test
    void aWriteOnOneNodeIsServedByTheOtherWithinASecondWithTheSameBytesAndValidators() throws Exception {
        String a = node("a", 0);
        String b = node("b", 0);
        assertEquals(201, publish(a, "urn:test:first", "خبر أول عن سوريا من العقدة الأولى", "سوريا").statusCode());
        awaitIn(b, "/feed/", "urn:test:first");

        List<Long> pickUps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String writer = i % 2 == 0 ? a : b;
            String reader = i % 2 == 0 ? b : a;
            String guid = "urn:test:picked-up-" + i;
            assertEquals(201, publish(writer, guid, "خبر رقم " + i + " عن إدلب ينتقل بين العقد", "سوريا").statusCode());
            long started = System.nanoTime();
            awaitIn(reader, "/feed/", guid);
            pickUps.add((System.nanoTime() - started) / 1_000_000);
        }
        System.out.println("ClusterIT: a write on one node served by the other after (ms) " + pickUps);
        assertTrue(pickUps.stream().allMatch(ms -> ms < 3_000), "every change reached the other node: " + pickUps);

        for (String path : List.of("/feed/", "/feed/atom/", "/category/" + encode("سوريا") + "/feed/", "/feed/json/")) {
            awaitSame(a, b, path);
        }
    }

    @Test
    void aSubscriberGetsOnePushForEachChangeWhicheverNodeTookIt() throws Exception {
        String a = node("a", 0);
        String b = node("b", 0);
        try (Subscriber subscriber = Subscriber.start()) {
            String topic = SITE + "/feed/";
            HttpResponse<String> accepted = form(b, "/websub", "hub.mode", "subscribe", "hub.topic", topic,
                    "hub.callback", subscriber.url("/cb"), "hub.lease_seconds", "3600");
            assertEquals(202, accepted.statusCode(), accepted.body());
            assertNotNull(subscriber.nextVerification(WAIT), "the hub verified the subscription");

            for (int i = 0; i < 4; i++) {
                String guid = "urn:test:pushed-" + i;
                assertEquals(201, publish(i % 2 == 0 ? a : b, guid, "خبر للمشتركين رقم " + i, "سوريا").statusCode());
                Subscriber.Received push = subscriber.nextPost(WAIT);
                assertNotNull(push, "the push of change " + i);
                assertTrue(push.text().contains(guid), "push " + i + " carries its article");
                assertNull(subscriber.nextPost(Duration.ofSeconds(3)), "change " + i + " was pushed once, not once a node");
            }
        }
    }

    @Test
    void killingANodeInTheMiddleOfABurstLosesNoAcknowledgedWrite() throws Exception {
        String a = node("a", 0);
        String b = node("b", 0);
        Process victim = nodes.get(0);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        CountDownLatch warmedUp = new CountDownLatch(10);
        Thread killer = new Thread(() -> {
            try {
                warmedUp.await(60, TimeUnit.SECONDS);
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            victim.destroyForcibly();
        });
        killer.start();
        Thread onB = new Thread(() -> burst(b, "b", 60, acknowledged, null));
        onB.start();
        burst(a, "a", 10_000, acknowledged, warmedUp);
        killer.join();
        onB.join();
        assertTrue(acknowledged.stream().filter(guid -> guid.contains("-a-")).count() >= 10, "node a answered before the kill");

        Set<String> stored = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(database);
             ResultSet rows = connection.createStatement().executeQuery("SELECT guid FROM articles")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        List<String> lost = acknowledged.stream().filter(guid -> !stored.contains(guid)).toList();
        assertEquals(List.of(), lost, "every acknowledged write is in the shared database");
        String lastOnA = acknowledged.stream().filter(guid -> guid.contains("-a-")).reduce((x, y) -> y).orElseThrow();
        awaitIn(b, "/feed/json/", "urn:test:burst-b-59"); // the surviving node goes on serving, and took in the burst
        System.out.println("ClusterIT: " + acknowledged.size() + " writes acknowledged around the kill of a node, all stored;"
                + " the last on the killed node: " + lastOnA + " of " + stored.size() + " stored");
    }

    @Test
    void losingPostgresMakesWrites503WithRetryAfterWhileFeedsAreServedAndServiceComesBack() throws Exception {
        String a = node("a", 0);
        HttpResponse<String> before = publish(a, "urn:test:before", "خبر قبل انقطاع قاعدة البيانات", "سوريا");
        assertEquals(201, before.statusCode());
        awaitDerived(a, before);
        Thread.sleep(500); // the node's look at the store (every 100 ms) sees its own new lists and drops its feeds once more
        awaitIn(a, "/feed/", "urn:test:before"); // rendered with its related stories, and kept

        postgres.stop();
        HttpResponse<String> refused = publish(a, "urn:test:during", "خبر أثناء انقطاع قاعدة البيانات", "سوريا");
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "Retry-After: " + refused.headers().map());
        assertTrue(refused.body().contains("database server"), "says what is wrong: " + refused.body());
        HttpResponse<String> feed = get(a, "/feed/");
        assertEquals(200, feed.statusCode(), "the rendered feed is still served");
        assertTrue(feed.body().contains("urn:test:before"));

        postgres.restart();
        long deadline = System.nanoTime() + WAIT.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 201) {
            status = publish(a, "urn:test:after", "خبر بعد عودة قاعدة البيانات", "سوريا").statusCode();
            if (status != 201) {
                Thread.sleep(250);
            }
        }
        assertEquals(201, status, "writes are taken again once PostgreSQL is back, without a restart");
        awaitIn(a, "/feed/", "urn:test:after");
        assertTrue(!get(a, "/feed/").body().contains("urn:test:during"), "the refused write was not stored");
    }

    @Test
    void varnishInFrontOfOneNodeIsPurgedOfAChangeWrittenOnTheOther() throws Exception {
        int portOfA = Varnish.freePort();
        int varnishPort = Varnish.freePort();
        Map<String, String> purge = Map.of("MINBAR_PURGE_URL", "http://127.0.0.1:" + varnishPort + "/");
        String a = node("a", portOfA, purge);
        String b = node("b", 0, purge);
        try (Varnish varnish = Varnish.start(temp, varnishPort, portOfA)) {
            String cache = varnish.address();
            assertEquals(201, publish(b, "urn:test:cached", "خبر أول في الذاكرة المؤقتة", "سوريا").statusCode());
            awaitIn(cache, "/feed/", "urn:test:cached");
            HttpResponse<String> hit = get(cache, "/feed/");
            assertTrue(hit.headers().firstValue("X-Cache").orElse("").toLowerCase(Locale.ROOT).contains("hit")
                    || hit.headers().firstValue("Age").map(age -> !age.equals("0")).orElse(false),
                    "the second read is the cache's: " + hit.headers().map());

            long started = System.nanoTime();
            assertEquals(201, publish(b, "urn:test:purged", "خبر كتب على العقدة الثانية", "سوريا").statusCode());
            awaitIn(cache, "/feed/", "urn:test:purged");
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("ClusterIT: written on b, fresh through Varnish in front of a after " + millis + " ms");
            assertTrue(millis < 10_000, "purged long before max-age: " + millis + " ms");
        }
        assertTrue(a.startsWith("http://"));
    }

    private void burst(String node, String name, int count, List<String> acknowledged, CountDownLatch warmedUp) {
        for (int i = 0; i < count; i++) {
            String guid = "urn:test:burst-" + name + "-" + i;
            try {
                HttpResponse<String> response = publish(node, guid, "خبر عاجل رقم " + i + " من العقدة " + name, "سوريا");
                if (response.statusCode() == 201) {
                    acknowledged.add(guid);
                    if (warmedUp != null) {
                        warmedUp.countDown();
                    }
                }
            } catch (Exception e) {
                return; // the node died under us
            }
        }
    }

    private String node(String name, int port) throws Exception {
        return node(name, port, Map.of());
    }

    private String node(String name, int port, Map<String, String> more) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(more);
        environment.put("MINBAR_DATABASE", database);
        Process process = ServerProcess.start(temp.resolve("node-" + name), temp, SETTINGS, port, environment);
        nodes.add(process);
        List<String> output = new ArrayList<>();
        outputs.add(output);
        return ServerProcess.localUrl(process, output);
    }

    private HttpResponse<String> publish(String node, String guid, String title, String category) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(node + "/api/articles"))
                .header("Authorization", "Bearer " + TestServer.TOKEN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(Articles.brief(guid, title, category, "نور الدين",
                        "2024-05-01T10:00:00Z"))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String node, String path, String... pairs) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(encode(pairs[i])).append('=').append(encode(pairs[i + 1]));
        }
        return client.send(HttpRequest.newBuilder(URI.create(node + path))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String node, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> bytes(String node, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Waits until the node has derived everything for the article just published (its related stories, its pushes). */
    private void awaitDerived(String node, HttpResponse<String> published) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        long id = json.readTree(published.body()).get("id").asLong();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> article = get(node, "/api/articles/" + id);
            if (article.statusCode() == 200 && !json.readTree(article.body()).get("derived").get("pending").asBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("article " + id + " was never derived on " + node);
    }

    private void awaitIn(String node, String path, String text) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(node, path);
            if (response.statusCode() == 200 && response.body().contains(text)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(text + " never appeared in " + node + path);
    }

    /** Once both nodes have derived everything, the same document has the same bytes, ETag and Last-Modified on each. */
    private void awaitSame(String a, String b, String path) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<byte[]> fromA = bytes(a, path);
        HttpResponse<byte[]> fromB = bytes(b, path);
        while (System.nanoTime() < deadline && !same(fromA, fromB)) {
            Thread.sleep(100);
            fromA = bytes(a, path);
            fromB = bytes(b, path);
        }
        assertEquals(200, fromA.statusCode(), path);
        assertArrayEquals(fromA.body(), fromB.body(), path + ": the same bytes on both nodes\n"
                + new String(fromA.body(), StandardCharsets.UTF_8) + "\n---\n" + new String(fromB.body(), StandardCharsets.UTF_8));
        assertEquals(fromA.headers().firstValue("ETag"), fromB.headers().firstValue("ETag"), path);
        assertEquals(fromA.headers().firstValue("Last-Modified"), fromB.headers().firstValue("Last-Modified"), path);
    }

    private static boolean same(HttpResponse<byte[]> x, HttpResponse<byte[]> y) {
        return java.util.Arrays.equals(x.body(), y.body())
                && x.headers().firstValue("ETag").equals(y.headers().firstValue("ETag"))
                && x.headers().firstValue("Last-Modified").equals(y.headers().firstValue("Last-Modified"));
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
