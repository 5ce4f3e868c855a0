package org.minbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.AtomSchema;
import org.minbar.support.FeedParser;
import org.minbar.support.FeedRules;
import org.minbar.support.HeldAddresses;
import org.minbar.support.HeldAddresses.Subject;
import org.minbar.support.Feeds;
import org.minbar.support.TestServer;
import org.minbar.support.WordPressExport;
import org.minbar.support.WordPressExport.Author;
import org.minbar.support.WordPressExport.Post;
import org.minbar.support.WordPressExport.Term;
import org.minbar.support.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 12, whole: a realistic WordPress site (120 posts over two years by four authors, in
 * categories and tags with Latin and Arabic slugs, {@link WordPressExport}) is imported with
 * {@code minbar import}, a real server is started on the store, articles are then published by
 * name, and every feed address a subscriber of the WordPress site could hold is fetched in RSS and
 * Atom: it leads in at most one 301 to its feed, which names itself by the address it is served
 * at, parses with Rome and a strict XML parser, validates (Atom's RELAX NG grammar, the W3C
 * validator's rules in {@link FeedRules}), is read cleanly by feedparser, and holds the posts it
 * should; the archives hold every post once and keep their bytes.
 *
 * <p>The tests share one store and run in order: the import, the articles published by name, then
 * the addresses, the readers, the archives (which publish one more article) and the comments feeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WordPressMigrationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> MEDIA_TYPES = Map.of("feed/", "application/rss+xml", "feed/atom/",
            "application/atom+xml", "feed/rss/", "application/rss+xml", "feed/rdf/", "application/rdf+xml", "feed/json/",
            "application/feed+json");

    WordPressExport export;
    Path file;
    Path storage;
    CommandRun imported;
    TestServer server;
    /** Feed ids of the articles published after the import, by the subject pages whose feeds they joined. */
    final Map<String, Set<String>> published = new HashMap<>();

    @BeforeAll
    void migrate(@TempDir Path temp) throws Exception {
        export = WordPressExport.generate(20250110L, 120);
        file = export.write(temp.resolve("defense-arab.WordPress.2025-01-10.xml"));
        storage = temp.resolve("storage");
        imported = CommandRun.of("import", "--storage", storage.toString(), "--feeds", Feeds.withoutBaseUrl(storage).toString(), file.toString());
        server = TestServer.start(storage);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void theImportBringsEveryPublishedPostSkipsTheRestAndAgainChangesNothing() {
        String skipped = skipped();
        int items = export.posts().size() + export.skipped().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains(file + ": done, " + items + " items: 120 imported (new), 0 updated, 0 unchanged, "
                + skipped + ", 0 failed\n"), imported.out());
        long terms = export.categories().stream().filter(t -> !export.postsIn(t).isEmpty()).count()
                + export.tags().stream().filter(t -> !export.postsIn(t).isEmpty()).count()
                + export.authors().stream().filter(a -> !export.postsBy(a).isEmpty()).count();
        assertTrue(imported.out().contains(file + ": " + terms + " categories, tags and authors keep their WordPress ids\n"),
                imported.out());
        assertTrue(imported.out().endsWith("Import finished: 120 imported (new), 0 updated, 0 unchanged, " + skipped + ", 0 failed.\n"),
                imported.out());

        CommandRun again = CommandRun.of("import", "--storage", storage.toString(), "--feeds", Feeds.withoutBaseUrl(storage).toString(), file.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().endsWith("Import finished: 0 imported (new), 0 updated, 120 unchanged, " + skipped + ", 0 failed.\n"),
                again.out());
    }

    /** Articles posted by name after the import join the imported category, tags and author, whatever slug WordPress gave them. */
    @Test
    @Order(2)
    void articlesPublishedByNameJoinTheImportedTermsFeeds() throws Exception {
        // Published dates are given, as a newsroom's system sends them. Two articles posted without one in the same
        // second would share their atom:updated (written to the second), which the W3C validator warns about
        // (DuplicateUpdated): a known server problem that a clock-bound test could only catch by chance.
        Map<String, List<String>> articles = new LinkedHashMap<>();
        articles.put("""
                {"title": "منظومة دفاع جوي جديدة تدخل الخدمة في الخليج", "content": "<p>أعلنت القوات الجوية دخول منظومة جديدة الخدمة.</p>",
                 "author": "سارة المنصوري", "categories": ["دفاع جوي", "الخليج"], "tags": ["باتريوت", "إس-400"],
                 "published": "2025-01-12T09:30:00+03:00"}
                """, List.of(export.category("air-defence").page(), export.category("gulf").page(), export.tag("patriot").page(),
                export.tag("s-400").page(), export.author("sara.mansouri").page()));
        articles.put("""
                {"title": "الحرس الثوري يختبر صاروخًا باليستيًا جديدًا", "content": "<p>أجرى الحرس الثوري تجربة صاروخية.</p>",
                 "author": {"name": "ليلى العمري"}, "categories": ["إيران"], "tags": ["الحرس الثوري", "صواريخ باليستية"],
                 "published": "2025-01-13T11:45:10+03:00"}
                """, List.of(export.category("iran").page(), export.tag("revolutionary-guard").page(),
                export.tag("ballistic-missiles").page(), export.author("layla.omari").page()));
        for (Map.Entry<String, List<String>> article : articles.entrySet()) {
            HttpResponse<byte[]> created = server.postJson(article.getKey());
            assertEquals(201, created.statusCode(), TestServer.text(created));
            JsonNode stored = JSON.readTree(created.body());
            for (String page : article.getValue()) {
                published.computeIfAbsent(page, p -> new LinkedHashSet<>()).add(stored.get("feedId").asText());
            }
            published.computeIfAbsent("/", p -> new LinkedHashSet<>()).add(stored.get("feedId").asText());
            String title = stored.get("title").asText();
            for (String page : article.getValue()) {
                Fetched feed = follow(page + "feed/");
                assertEquals(200, feed.status(), page + "feed/ → " + feed.url());
                assertEquals(title, Xml.rome(feed.body()).getEntries().get(0).getTitle(), "newest in " + page + "feed/");
            }
        }

        String opml = TestServer.text(server.get("/feeds.opml"));
        for (Term category : export.categories()) {
            if (!export.postsIn(category).isEmpty()) {
                assertEquals(1, opml.split("text=\"" + category.name() + "\"", -1).length - 1, category.name() + " once in\n" + opml);
            }
        }
        for (Author author : export.authors()) {
            assertEquals(1, opml.split("text=\"" + author.name() + "\"", -1).length - 1, author.name() + " once in\n" + opml);
        }
    }

    /**
     * Every address a WordPress or Ghost subscriber may hold for the site and each category, tag and
     * author, in RSS and Atom, leads in one 301 to the feed's own address (the one its self link
     * names), which answers 200 with its media type, as do RSS 0.92, RSS 1.0 and JSON Feed; the
     * documents parse, validate, break none of the W3C validator's rules, and hold the posts they should.
     * Every problem is listed at once.
     */
    @Test
    @Order(3)
    void everyAddressASubscriberHoldsLeadsInOneRedirectToAValidFeedOfItsPosts() {
        List<String> problems = new ArrayList<>();
        int fetched = 0;
        for (Subject subject : HeldAddresses.of(export)) {
            for (String format : List.of("feed/", "feed/atom/")) {
                Fetched feed = follow(subject.page() + format);
                fetched++;
                if (feed.status() != 200) {
                    problems.add(subject.page() + format + ": " + feed.status() + " at " + feed.url());
                    continue;
                }
                String canonical = self(feed.body()).orElse("(no self link)");
                problems.addAll(documentProblems(feed, format));
                problems.addAll(postProblems(subject, feed));
                for (String held : format.equals("feed/") ? subject.rss() : subject.atom()) {
                    HttpResponse<byte[]> moved = server.get(held);
                    fetched++;
                    String location = moved.headers().firstValue("Location").map(l -> server.base() + l).orElse("(none)");
                    if (moved.statusCode() != 301 || !FeedRules.sameAddress(location, canonical)) {
                        problems.add(held + ": " + moved.statusCode() + " to " + location + ", not one 301 to " + canonical);
                    }
                }
            }
            for (String format : List.of("feed/rss/", "feed/rdf/", "feed/json/")) {
                Fetched feed = follow(subject.page() + format);
                fetched++;
                if (feed.status() != 200) {
                    problems.add(subject.page() + format + ": " + feed.status() + " at " + feed.url());
                } else if (!format.equals("feed/json/")) {
                    problems.addAll(documentProblems(feed, format));
                } else if (!json(feed.body()).path("items").isArray()) {
                    problems.add(feed.url() + ": a JSON Feed without items");
                }
            }
        }
        assertTrue(fetched > 300, "addresses fetched: " + fetched);
        assertEquals("", String.join("\n", problems), problems.size() + " problems");
    }

    /** A reader built on feedparser, given a sample of the addresses, follows them to clean Arabic feeds that name where they are. */
    @Test
    @Order(4)
    void feedparserReadsASampleOfTheAddressesCleanly() throws Exception {
        Term syria = export.category("syria");
        Term iran = export.category("iran");
        Map<String, String> sample = new LinkedHashMap<>();
        sample.put("/feed/", "rss20");
        sample.put("/?feed=atom", "atom10");
        sample.put("/?cat=" + export.category("air-defence").id() + "&feed=atom", "atom10");
        sample.put("/category/" + syria.nicename() + "/feed/", "rss20");
        sample.put("/category/" + iran.nicename() + "/feed/atom/", "atom10");
        sample.put("/tag/patriot/rss/", "rss20");
        sample.put("/?tag=" + export.tag("s-400").nicename() + "&feed=rss2", "rss20");
        sample.put("/?author=" + export.author("sara.mansouri").id() + "&feed=rss2", "rss20");
        sample.put("/author/layla-omari/feed/atom/", "atom10");
        sample.put("/feed/rss/", "rss092");
        sample.put("/category/" + syria.nicename() + "/feed/rdf/", "rss10");
        sample.put("/feed/atom/archive/1/", "atom10");
        sample.put("/comments/feed/", "rss20");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> held : sample.entrySet()) {
            JsonNode read = FeedParser.read(server.base() + held.getKey());
            String where = held.getKey() + " → " + read.get("href").asText() + ": ";
            if (read.get("bozo").asBoolean()) {
                problems.add(where + "bozo " + read.get("problem"));
            }
            if (!held.getValue().equals(read.get("version").asText())) {
                problems.add(where + "version " + read.get("version").asText() + ", not " + held.getValue());
            }
            if (!"ar".equals(read.get("language").asText())) {
                problems.add(where + "language " + read.get("language"));
            }
            List<String> selves = FeedParser.links(read, "self");
            boolean namesItself = selves.size() == 1 && FeedRules.sameAddress(selves.get(0), read.get("href").asText());
            if (held.getValue().matches("rss20|atom10") && !namesItself) {
                problems.add(where + "self " + selves);
            }
        }
        assertEquals("", String.join("\n", problems));
    }

    /**
     * From the current document of the site's Atom feed and of the busiest category's RSS feed, a
     * reader walks prev-archive links to archive 1 and meets every imported post once; archive 1 keeps
     * its bytes and ETag when an article is published in another category.
     */
    @Test
    @Order(5)
    void theArchivesHoldEveryPostOnceAndKeepTheirBytesWhenAnUnrelatedArticleIsPublished() {
        Term airDefence = export.category("air-defence");
        Map<String, List<Post>> feeds = new LinkedHashMap<>();
        feeds.put("/feed/atom/", export.posts());
        feeds.put(airDefence.page() + "feed/", export.postsIn(airDefence));
        Map<String, HttpResponse<byte[]>> oldest = new LinkedHashMap<>();
        for (Map.Entry<String, List<Post>> feed : feeds.entrySet()) {
            List<String> seen = new ArrayList<>();
            List<String> walked = new ArrayList<>();
            Optional<String> next = Optional.of(server.base() + feed.getKey());
            while (next.isPresent()) {
                Fetched document = follow(next.get());
                assertEquals(200, document.status(), next.get());
                assertEquals(List.of(), documentProblems(document, feed.getKey().endsWith("atom/") ? "feed/atom/" : "feed/"));
                Document parsed = Xml.parse(document.body());
                seen.addAll(ids(parsed));
                walked.add(next.get().substring(server.base().length()));
                next = link(parsed, "prev-archive");
            }
            assertTrue(walked.size() >= 2 && walked.get(walked.size() - 1).equals(feed.getKey() + "archive/1/"),
                    "the walk ends at archive 1: " + walked);
            Map<String, Long> times = seen.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            List<String> wrong = feed.getValue().stream().map(Post::guid).filter(guid -> times.getOrDefault(guid, 0L) != 1)
                    .map(guid -> guid + " ×" + times.getOrDefault(guid, 0L)).toList();
            assertEquals(List.of(), wrong, "every imported post once in " + walked);
            oldest.put(feed.getKey() + "archive/1/", server.get(feed.getKey() + "archive/1/"));
        }

        HttpResponse<byte[]> unrelated = server.postJson("""
                {"title": "الجيش المصري يتسلم دفعة جديدة من المدرعات", "content": "<p>تسلم الجيش المصري دفعة جديدة.</p>",
                 "author": "نور الدين", "categories": ["مصر"], "published": "2025-01-14T08:00:00+02:00"}
                """);
        assertEquals(201, unrelated.statusCode(), TestServer.text(unrelated));
        for (Map.Entry<String, HttpResponse<byte[]>> before : oldest.entrySet()) {
            HttpResponse<byte[]> after = server.get(before.getKey());
            assertArrayEquals(before.getValue().body(), after.body(), before.getKey() + " byte for byte");
            String etag = before.getValue().headers().firstValue("ETag").orElseThrow();
            assertEquals(etag, after.headers().firstValue("ETag").orElseThrow(), before.getKey());
            assertEquals(304, server.get(before.getKey(), "If-None-Match", etag).statusCode(), before.getKey());
        }
    }

    /** The site's comments feed and a post's, at the address WordPress gave it, are valid empty documents. */
    @Test
    @Order(6)
    void theCommentsFeedsAreValidEmptyDocuments() {
        Post daytime = export.posts().stream().filter(WordPressMigrationIT::keepsItsWordPressAddress).findFirst().orElseThrow();
        for (String path : List.of("/comments/feed/", "/comments/feed/atom/", daytime.path() + "feed/", daytime.path() + "feed/atom/")) {
            Fetched feed = follow(path);
            assertEquals(200, feed.status(), path);
            assertEquals(List.of(), documentProblems(feed, path.endsWith("atom/") ? "feed/atom/" : "feed/"), path);
            assertTrue(Xml.rome(feed.body()).getEntries().isEmpty(), path);
        }
    }

    /**
     * A post's comments feed at the address WordPress gave it, /{yyyy}/{mm}/{dd}/{post_name}/feed/: dated
     * in the site's time zone where Minbar dates paths in UTC, and with letters our slugs fold (an alef's
     * hamza, tanween as in عقدًا). It answers, directly or through one 301 to the post's own address, and
     * so does the post's page at its WordPress permalink.
     */
    @Test
    @Order(7)
    void everyPostsCommentsFeedIsAtItsWordPressAddress() {
        List<String> missing = new ArrayList<>();
        for (Post post : export.posts()) {
            Fetched feed = follow(post.path() + "feed/");
            if (feed.status() != 200 || !Xml.rome(feed.body()).getTitle().contains(post.title())) {
                missing.add(feed.status() + " " + post.published() + " " + post.path() + "feed/");
            }
            Fetched page = follow(post.path()); // the post's page too: readers hold its WordPress permalink
            if (page.status() != 200 || !new String(page.body(), StandardCharsets.UTF_8).contains(post.title())) {
                missing.add(page.status() + " " + post.published() + " " + post.path());
            }
        }
        assertEquals("", String.join("\n", missing), missing.size() + " of " + export.posts().size() + " posts");
    }

    /** The feed holds only its own posts (and those published since into it), all of them when nothing is archived yet. */
    private List<String> postProblems(Subject subject, Fetched feed) {
        Document document = Xml.parse(feed.body());
        List<String> ids = ids(document);
        Set<String> expected = new LinkedHashSet<>(subject.posts());
        expected.addAll(published.getOrDefault(subject.page(), Set.of()));
        List<String> problems = new ArrayList<>();
        ids.stream().filter(id -> !expected.contains(id)).forEach(id -> problems.add(feed.url() + ": holds " + id + ", not its post"));
        if (link(document, "prev-archive").isEmpty() && ids.size() != expected.size()) {
            problems.add(feed.url() + ": holds " + ids.size() + " entries with no archive, not " + expected.size());
        }
        return problems;
    }

    /** Parses with a strict XML parser and Rome, validates Atom, checks the media type and the W3C validator's rules. */
    private List<String> documentProblems(Fetched feed, String format) {
        List<String> problems = new ArrayList<>();
        String type = feed.contentType();
        if (!type.startsWith(MEDIA_TYPES.get(format))) {
            problems.add(feed.url() + ": Content-Type " + type);
        }
        try {
            Xml.parse(feed.body());
            Xml.rome(feed.body());
            if (format.equals("feed/atom/")) {
                AtomSchema.validate(feed.body());
            }
        } catch (AssertionError e) {
            problems.add(feed.url() + ": " + e.getMessage());
            return problems;
        }
        FeedRules.check(feed.url(), feed.body()).forEach(v -> problems.add(feed.url() + ": " + v));
        return problems;
    }

    /** A document fetched as a reader fetches it: following one redirect, to where it ended. */
    private record Fetched(int status, String url, String contentType, byte[] body) {}

    private Fetched follow(String address) {
        String url = address.startsWith("http") ? address : server.base() + address;
        HttpResponse<byte[]> response = server.get(url);
        if (response.statusCode() == 301 || response.statusCode() == 302) {
            String location = response.headers().firstValue("Location").orElseThrow();
            url = location.startsWith("http") ? location : server.base() + location;
            response = server.get(url);
        }
        return new Fetched(response.statusCode(), url, response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static Optional<String> self(byte[] body) {
        return link(Xml.parse(body), "self");
    }

    private static Optional<String> link(Document document, String rel) {
        Element root = document.getDocumentElement();
        Element channel = root.getLocalName().equals("rss") ? Xml.child(root, null, "channel") : root;
        return Xml.children(channel, Xml.ATOM, "link").stream().filter(l -> l.getAttribute("rel").equals(rel))
                .map(l -> l.getAttribute("href")).findFirst();
    }

    private static List<String> ids(Document document) {
        Element root = document.getDocumentElement();
        if (root.getLocalName().equals("rss")) {
            return Xml.children(Xml.child(root, null, "channel"), null, "item").stream().map(i -> Xml.text(i, null, "guid")).toList();
        }
        return Xml.children(root, Xml.ATOM, "entry").stream().map(e -> Xml.text(e, Xml.ATOM, "id")).toList();
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage(), e);
        }
    }

    /** As the import reports them: "6 skipped (3 attachment, 1 draft, 1 nav_menu_item, 1 page)". */
    private String skipped() {
        return export.skipped().values().stream().mapToInt(Integer::intValue).sum() + " skipped (" + export.skipped().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Whether Minbar serves the post at the path WordPress gave it: published before local midnight
     * (Minbar dates paths in UTC, WordPress in the site's time zone) and with neither an alef carrying a hamza
     * nor tashkeel in its post_name (Minbar folds them); see everyPostsCommentsFeedIsAtItsWordPressAddress.
     */
    private static boolean keepsItsWordPressAddress(Post post) {
        String utcDay = DateTimeFormatter.ofPattern("/yyyy/MM/dd/", Locale.ROOT).withZone(ZoneOffset.UTC).format(post.published());
        return post.path().startsWith(utcDay) && !post.postName().matches(".*(%d8%a[235]|%d9%8[b-f]|%d9%9[0-9a-f]).*");
    }
}
