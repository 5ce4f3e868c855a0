package org.minbar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import com.rometools.rome.io.SyndFeedInput;
import org.xml.sax.InputSource;

/**
 * The soak run behind bench/soak.sh: for a set time, readers poll every kind of feed (site,
 * categories, authors and tags from the OPML list, in RSS, Atom and JSON Feed, pages, archives and
 * search feeds) with conditional GETs and check every document they get (XML well formed and read
 * by Rome, JSON parsed); publishers create, update and delete; WebSub subscribers take pushes, some
 * of them stalling 20 s on each. Heap after a full collection is read at the start and at the end
 * (jcmd GC.run, the GC log). Passes with no 5xx, no invalid document, and the end heap within 10 %.
 */
public final class SoakBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FEED_URL = Pattern.compile("xmlUrl=\"([^\"]+)\"");
    /** The full collection jcmd GC.run asks for, logged as "Pause Full (Diagnostic Command) 95M->36M(256M)". */
    private static final Pattern SYSTEM_GC = Pattern.compile("Pause Full \\((?:Diagnostic Command|System.gc\\(\\))\\) \\d+M->(\\d+)M");

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private SoakBenchmark(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        long seconds = Long.parseLong(options.getOrDefault("--seconds", "600"));
        long pid = Long.parseLong(options.getOrDefault("--pid", "0"));
        Path gcLog = Path.of(options.getOrDefault("--gc-log", "gc.log"));
        SoakBenchmark soak = new SoakBenchmark(options.get("--base"), System.getenv("MINBAR_TOKEN"));
        System.exit(soak.run(seconds, pid, gcLog) ? 0 : 1);
    }

    private boolean run(long seconds, long pid, Path gcLog) throws Exception {
        ArabicNews news = new ArabicNews(Long.toString(System.currentTimeMillis(), 36), 7);
        List<Long> ids = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> created = post(news.article(i).json());
            if (created.statusCode() == 201) {
                ids.add(MinbarClient.idOf(created));
            }
        }
        List<String> feeds = feeds();
        HttpServer callbacks = subscribers();
        try {
            String callbackBase = "http://127.0.0.1:" + callbacks.getAddress().getPort();
            for (int i = 0; i < 10; i++) {
                String kind = i < 5 ? "live" : "stalled";
                subscribe(base + (i % 2 == 0 ? "/feed/" : "/feed/atom/"), callbackBase + "/" + kind + "/" + i);
            }
            List<Thread> load = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                load.add(thread("reader-" + i, new Reader(feeds, new Random(i))));
            }
            for (int i = 0; i < 2; i++) {
                load.add(thread("publisher-" + i, new Publisher(news, ids, 1_000_000L * (i + 1), new Random(100 + i))));
            }
            load.forEach(Thread::start);
            long warmUp = Math.min(30, seconds / 5);
            Thread.sleep(warmUp * 1_000);
            double heapStart = heapAfterFullGc(pid, gcLog);
            Thread.sleep((seconds - warmUp) * 1_000);
            running.set(false);
            for (Thread thread : load) {
                thread.join(60_000);
            }
            Thread.sleep(5_000); // derived data and pushes settle
            double heapEnd = heapAfterFullGc(pid, gcLog);
            return report(seconds, heapStart, heapEnd);
        } finally {
            callbacks.stop(0);
        }
    }

    private boolean report(long seconds, double heapStart, double heapEnd) {
        System.out.printf(Locale.ROOT, "%nMinbar soak, %d s, 8 readers (conditional GETs of %s), 2 publishers, 10 WebSub subscribers (5 stalling 20 s)%n",
                seconds, "every feed kind");
        System.out.printf(Locale.ROOT, "%-32s %12s%n", "", "count");
        counts.keySet().stream().sorted().forEach(key ->
                System.out.printf(Locale.ROOT, "%-32s %,12d%n", key, counts.get(key).get()));
        long fiveHundreds = counts.entrySet().stream().filter(e -> e.getKey().matches(".* 5\\d\\d")).mapToLong(e -> e.getValue().get()).sum();
        long invalid = value("read: invalid document");
        double growth = heapStart > 0 ? (heapEnd - heapStart) / heapStart : Double.NaN;
        System.out.printf(Locale.ROOT, "heap after a full GC: %.0f MB at the start, %.0f MB at the end (%+.1f %%)%n",
                heapStart, heapEnd, growth * 100);
        problems.stream().limit(10).forEach(problem -> System.out.println("  " + problem));
        boolean ok = fiveHundreds == 0 && invalid == 0 && growth <= 0.10;
        System.out.printf(Locale.ROOT, "5xx: %d (target 0), invalid documents: %d (target 0), heap growth %+.1f %% (target within 10 %%): %s%n",
                fiveHundreds, invalid, growth * 100, ok ? "PASS" : "FAIL");
        return ok;
    }

    /** Every feed the OPML list names, in each format, with pages, an archive and search feeds. */
    private List<String> feeds() throws Exception {
        List<String> paths = new ArrayList<>(List.of("/feed/", "/feed/atom/", "/feed/json/", "/feed/?paged=2",
                "/feed/atom/archive/1/", "/feed/archive/1/", "/feeds.opml"));
        Matcher urls = FEED_URL.matcher(get("/feeds.opml", Optional.empty()).body());
        while (urls.find() && paths.size() < 120) {
            String path = urls.group(1).replace(base, "");
            paths.add(path);
            paths.add(path + "atom/");
            paths.add(path + "json/");
        }
        for (String word : List.of("%D8%A5%D8%AF%D9%84%D8%A8", "%D8%B5%D9%88%D8%A7%D8%B1%D9%8A%D8%AE", "%D9%87%D8%AC%D9%88%D9%85")) {
            paths.add("/search/" + word + "/feed/");
            paths.add("/search/" + word + "/feed/atom/");
        }
        return paths;
    }

    private final class Reader implements Runnable {
        private final List<String> feeds;
        private final Random random;
        private final Map<String, String> etags = new java.util.HashMap<>();

        Reader(List<String> feeds, Random random) {
            this.feeds = feeds;
            this.random = random;
        }

        @Override
        public void run() {
            while (running.get()) {
                String path = feeds.get(random.nextInt(feeds.size()));
                try {
                    HttpResponse<String> answer = get(path, Optional.ofNullable(etags.get(path)));
                    count("read " + answer.statusCode());
                    if (answer.statusCode() == 200) {
                        answer.headers().firstValue("ETag").ifPresent(tag -> etags.put(path, tag));
                        check(path, answer);
                    } else if (answer.statusCode() >= 500) {
                        problems.add("GET " + path + ": " + answer.statusCode() + " " + answer.body());
                    }
                } catch (IOException | InterruptedException e) {
                    count("read: failed request");
                    problems.add("GET " + path + ": " + e);
                }
            }
        }

        private void check(String path, HttpResponse<String> answer) {
            String type = answer.headers().firstValue("Content-Type").orElse("");
            try {
                if (type.contains("json")) {
                    JSON.readTree(answer.body());
                } else if (type.contains("xml")) {
                    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                    factory.setNamespaceAware(true);
                    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                    factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
                    if (type.contains("rss") || type.contains("atom")) {
                        new SyndFeedInput().build(new InputSource(new java.io.StringReader(answer.body())));
                    }
                }
                count("read: valid document");
            } catch (Exception e) {
                count("read: invalid document");
                problems.add("GET " + path + ": invalid " + type + ": " + e.getMessage());
            }
        }
    }

    private final class Publisher implements Runnable {
        private final ArabicNews news;
        private final List<Long> ids;
        private final Random random;
        private long next;

        Publisher(ArabicNews news, List<Long> ids, long first, Random random) {
            this.news = news;
            this.ids = ids;
            this.next = first;
            this.random = random;
        }

        @Override
        public void run() {
            while (running.get()) {
                try {
                    int roll = random.nextInt(10);
                    if (roll < 7 || ids.size() < 20) {
                        HttpResponse<String> created = post(news.article(next++).json());
                        count("publish " + created.statusCode());
                        if (created.statusCode() == 201) {
                            ids.add(MinbarClient.idOf(created));
                        }
                    } else if (roll < 9) {
                        long id = ids.get(random.nextInt(ids.size()));
                        HttpResponse<String> current = get("/api/articles/" + id, Optional.empty());
                        if (current.statusCode() == 200) {
                            var article = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(current.body());
                            String json = "{\"guid\": " + JSON.writeValueAsString(article.path("guid").asText("urn:soak:" + id))
                                    + ", \"title\": " + JSON.writeValueAsString(article.path("title").asText() + " (محدث)")
                                    + ", \"content\": " + JSON.writeValueAsString(article.path("content").asText()) + "}";
                            count("update " + send("PUT", "/api/articles/" + id, json.getBytes(StandardCharsets.UTF_8)).statusCode());
                        }
                    } else {
                        long id = ids.remove(random.nextInt(ids.size()));
                        count("delete " + send("DELETE", "/api/articles/" + id, null).statusCode());
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    count("publish: failed request");
                    problems.add("write: " + e);
                }
            }
        }
    }

    /** Callbacks on loopback: live ones answer at once, stalled ones after 20 s; every verification is echoed. */
    private HttpServer subscribers() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            byte[] body = new byte[0];
            if (exchange.getRequestMethod().equals("GET")) {
                Matcher challenge = Pattern.compile("hub.challenge=([^&]*)").matcher(query);
                body = challenge.find() ? challenge.group(1).getBytes(StandardCharsets.UTF_8) : body;
            } else {
                exchange.getRequestBody().readAllBytes();
                boolean stalled = exchange.getRequestURI().getPath().startsWith("/stalled/");
                count(stalled ? "push to a stalled subscriber" : "push to a live subscriber");
                if (stalled) {
                    try {
                        TimeUnit.SECONDS.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private void subscribe(String topic, String callback) throws IOException, InterruptedException {
        String form = "hub.mode=subscribe&hub.topic=" + java.net.URLEncoder.encode(topic, StandardCharsets.UTF_8)
                + "&hub.callback=" + java.net.URLEncoder.encode(callback, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/websub"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        count("subscribe " + answer.statusCode());
        Thread.sleep(200); // at most four verifications a host wait at once
    }

    /** Heap in use after a full collection the JVM is asked for now, from the GC log; -1 when it cannot be read. */
    private static double heapAfterFullGc(long pid, Path gcLog) throws Exception {
        if (pid <= 0) {
            return -1;
        }
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid),
                "GC.run").redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        jcmd.waitFor(60, TimeUnit.SECONDS);
        Thread.sleep(1_000);
        double last = -1;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher full = SYSTEM_GC.matcher(line);
            if (full.find()) {
                last = Double.parseDouble(full.group(1));
            }
        }
        return last;
    }

    private HttpResponse<String> post(byte[] json) throws IOException, InterruptedException {
        return send("POST", "/api/articles", json);
    }

    private HttpResponse<String> send(String method, String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, Optional<String> etag) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        etag.ifPresent(tag -> request.header("If-None-Match", tag));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Thread thread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private long value(String key) {
        AtomicLong count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    private long count(String key) {
        return counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }
}
