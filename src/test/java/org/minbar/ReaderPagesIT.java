package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestServer;
import org.minbar.text.PathSegments;
import org.minbar.text.Slugs;

/**
 * The reader pages over HTTP, parsed back with Jsoup: 23 articles published through the API (one with
 * an image and a summary, 22 short ones in one category by one author), so listings and search
 * results run to three pages.
 */
class ReaderPagesIT {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String LEAD_TITLE = "قمة الرياض تبحث أمن الملاحة في البحر الأحمر وتتفق على دوريات مشتركة";
    private static final String LEAD_SUMMARY = "اتفق وزراء الدفاع في قمة الرياض على تسيير دوريات بحرية مشتركة في البحر الأحمر.";
    private static final String LEAD_IMAGE = "https://news.example.org/images/summit.jpg";
    private static final int BRIEFS = 22;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path storage;
    static TestServer server;
    static String category;
    static String author;
    static String tag;
    static String article;

    @BeforeAll
    static void publish() throws Exception {
        server = TestServer.start(storage);
        String lead = """
            {"guid": "urn:test:lead", "title": "%s", "summary": "%s",
             "content": "<p>اجتمع وزراء الدفاع في الرياض يوم الأحد.</p><p>واتفقوا على دوريات مشتركة.</p>",
             "author": {"name": "ليلى حسن", "bio": "مراسلة الشؤون البحرية."}, "categories": ["أمن بحري"],
             "tags": ["البحر الأحمر"], "published": "2020-02-09T10:00:00Z", "updated": "2020-02-09T12:30:00Z",
             "image": "%s", "language": "ar"}
            """.formatted(LEAD_TITLE.replace("\"", "\\\""), LEAD_SUMMARY, LEAD_IMAGE);
        HttpResponse<byte[]> created = server.postJson(lead);
        assertEquals(201, created.statusCode(), TestServer.text(created));
        for (int i = 1; i <= BRIEFS; i++) {
            String body = String.format(Locale.ROOT, """
                {"guid": "urn:test:brief-%d", "title": "قمة رقم %d عن أمن الملاحة", "summary": "ملخص الخبر %d.",
                 "content": "<p>نص الخبر %d عن القمة.</p>", "author": {"name": "ليلى حسن"}, "categories": ["أمن بحري"],
                 "published": "2020-01-%02dT08:00:00Z"}
                """, i, i, i, i, i);
            assertEquals(201, server.postJson(body).statusCode());
        }
        server.derived(created);
        JsonNode stored = JSON.readTree(created.body());
        category = server.base() + "/category/" + PathSegments.encode(Slugs.of(stored.get("categories").get(0).asText())) + "/";
        author = server.base() + "/author/" + PathSegments.encode(stored.get("authors").get(0).get("slug").asText()) + "/";
        tag = server.base() + "/tag/" + PathSegments.encode(Slugs.of(stored.get("tags").get(0).asText())) + "/";
        article = page("/").selectFirst("article.card h2 a").attr("href");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Document page(String path) {
        HttpResponse<byte[]> response = server.get(path);
        assertEquals(200, response.statusCode(), path + ": " + TestServer.text(response));
        assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow(), path);
        return Jsoup.parse(TestServer.text(response), server.base() + "/");
    }

    private static String search(String query, int page) {
        return "/?s=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + (page == 1 ? "" : "&paged=" + page);
    }

    @Test
    void theHomePageShowsEachArticlesHeadlineImageSummaryAuthorAndArabicAndHijriDates() {
        Document home = page("/");
        Element first = home.selectFirst("main article.card");
        assertEquals(LEAD_TITLE, first.selectFirst("h2 a").text());
        assertEquals(article, first.selectFirst("h2 a").attr("href"));
        assertEquals(LEAD_IMAGE, first.selectFirst("figure img").attr("src"));
        assertEquals(LEAD_SUMMARY, first.selectFirst("p.summary").text());
        assertEquals("ليلى حسن", first.selectFirst("a[rel=author]").text());
        assertEquals(author, first.selectFirst("a[rel=author]").attr("href"));
        Element time = first.selectFirst("time");
        assertEquals("2020-02-09T10:00:00Z", time.attr("datetime"));
        assertEquals("٩ فبراير ٢٠٢٠", time.text());
        assertEquals("١٥ جمادى الآخرة ١٤٤١ هـ", first.selectFirst(".hijri").text());
        assertEquals("قمة رقم 22 عن أمن الملاحة", home.select("main article.card").get(1).selectFirst("h2 a").text());
        assertNull(home.select("main article.card").get(1).selectFirst("img"), "an article without an image has none");
        assertFalse(home.text().contains("أحدث المقالات"));
    }

    @Test
    void siteJsonChoosesTheDigitsTheMonthNamesAndTheTimeZoneOfDates(@TempDir Path otherStorage) {
        try (TestServer levantine = TestServer.withSiteSettings(otherStorage,
                "{\"dates\": {\"digits\": \"latin\", \"months\": \"levantine\", \"timeZone\": \"Asia/Riyadh\"}}")) {
            assertEquals(201, levantine.postJson("""
                {"guid": "urn:test:late", "title": "خبر في آخر الليل", "content": "<p>نص الخبر.</p>",
                 "author": {"name": "ليلى حسن"}, "published": "2020-02-09T22:30:00Z"}
                """).statusCode());
            Element card = Jsoup.parse(TestServer.text(levantine.get("/"))).selectFirst("main article.card");
            assertEquals("2020-02-09T22:30:00Z", card.selectFirst("time").attr("datetime"));
            assertEquals("10 شباط 2020", card.selectFirst("time").text(), "already the 10th in Riyadh");
            assertEquals("16 جمادى الآخرة 1441 هـ", card.selectFirst(".hijri").text());
        }
    }

    @Test
    void everyPageHasOneH1LandmarksASkipLinkAndIsArabicRightToLeft() {
        for (String path : List.of("/", category, author, tag, article, search("قمة", 1), "/feeds/")) {
            Document page = page(path);
            assertEquals("ar", page.selectFirst("html").attr("lang"), path);
            assertEquals("rtl", page.selectFirst("html").attr("dir"), path);
            assertEquals(1, page.select("h1").size(), path);
            for (String landmark : List.of("header", "main", "footer")) {
                assertEquals(1, page.select("body > " + landmark).size(), path + " " + landmark);
            }
            Element skip = page.selectFirst("body > a.skip");
            assertEquals("#" + page.selectFirst("main").id(), skip.attr("href"), path);
            assertEquals("width=device-width, initial-scale=1", page.selectFirst("meta[name=viewport]").attr("content"), path);
            assertFalse(page.selectFirst("meta[name=description]").attr("content").isBlank(), path);
            Parser parser = Parser.htmlParser().setTrackErrors(20);
            Jsoup.parse(TestServer.text(server.get(path)), server.base() + "/", parser);
            assertEquals(List.of(), parser.getErrors().stream().map(Object::toString).toList(),
                    path + " parses as HTML5 without an error");
            assertTrue(TestServer.text(server.get(path)).startsWith("<!doctype html>"), path);
            assertTrue(server.get(path).headers().firstValue("Cache-Control").orElse("").startsWith("public, max-age=0, s-maxage="),
                    path + ": a browser asks again at each visit, a shared cache keeps the page");
        }
    }

    @Test
    void theHeaderLeadsToTheSectionsFeedsCategoriesJsonDeclaresInItsOrderThatHaveArticles(@TempDir Path otherStorage) throws Exception {
        List<String> declared = new java.util.ArrayList<>();
        JSON.readTree(Path.of("feeds", "categories.json").toFile()).forEach(entry -> declared.add(entry.get("name").asText()));
        assertTrue(declared.size() >= 3, "the repository's feeds/ declares its sections");
        assertEquals(List.of(), page("/").select("header nav[aria-label=الأقسام] a"), "no declared section has an article here");
        try (TestServer sections = TestServer.start(otherStorage)) {
            HttpResponse<byte[]> created = sections.postJson("""
                {"guid": "urn:test:sections", "title": "خبر في قسمين", "content": "<p>نص الخبر.</p>",
                 "author": {"name": "ليلى حسن"}, "categories": ["%s", "%s", "قسم لم يعلن"]}
                """.formatted(declared.get(2), declared.get(0)));
            assertEquals(201, created.statusCode(), TestServer.text(created));
            sections.derived(created);
            String articlePath = Jsoup.parse(TestServer.text(sections.get("/"))).selectFirst("article.card h2 a").attr("href");
            for (String path : List.of("/", "/feeds/", "/?s=" + URLEncoder.encode("خبر", StandardCharsets.UTF_8), articlePath)) {
                HttpResponse<byte[]> response = sections.get(path);
                assertEquals(200, response.statusCode(), path);
                List<Element> links = Jsoup.parse(TestServer.text(response), sections.base() + "/").select("header nav[aria-label=الأقسام] a");
                assertEquals(List.of(declared.get(0), declared.get(2)), links.stream().map(Element::text).toList(),
                        path + ": the declared order, only sections with an article, never an undeclared category");
                for (Element link : links) {
                    HttpResponse<byte[]> section = sections.get(link.attr("abs:href"));
                    assertEquals(200, section.statusCode(), link.attr("href"));
                    assertEquals(link.text(), Jsoup.parse(TestServer.text(section)).selectFirst("h1").text(), "that section's page");
                }
            }
        }
    }

    @Test
    void listingsPageWithPagedAndPreviousAndNextLinks() {
        for (String listing : List.of(server.base() + "/", category, author)) {
            Document first = page(listing);
            Document second = page(listing + "?paged=2");
            Document third = page(listing + "?paged=3");
            assertEquals(10, first.select("main article.card").size(), listing);
            assertEquals(10, second.select("main article.card").size(), listing);
            assertEquals(3, third.select("main article.card").size(), listing);
            Set<String> seen = new LinkedHashSet<>();
            for (Document page : List.of(first, second, third)) {
                page.select("main article.card h2 a").forEach(a -> assertTrue(seen.add(a.attr("href")), "on one page only: " + a));
            }
            assertEquals(1 + BRIEFS, seen.size(), listing);
            assertNull(first.selectFirst("link[rel=prev]"), listing);
            assertEquals(listing + "?paged=2", first.selectFirst("link[rel=next]").attr("href"));
            assertEquals(listing + "?paged=2", first.selectFirst("main nav a[rel=next]").attr("href"));
            assertEquals(listing, second.selectFirst("link[rel=prev]").attr("href"));
            assertEquals(listing + "?paged=3", second.selectFirst("link[rel=next]").attr("href"));
            assertEquals(listing + "?paged=2", third.selectFirst("main nav a[rel=prev]").attr("href"));
            assertNull(third.selectFirst("link[rel=next]"), listing);
            assertEquals(404, server.get(listing + "?paged=4").statusCode(), listing);
            assertEquals(400, server.get(listing + "?paged=0").statusCode(), listing);
        }
        assertEquals(1, page(tag).select("main article.card").size(), "the tag has one article, and no paging");
        assertNull(page(tag).selectFirst("link[rel=next]"));
    }

    @Test
    void wordPressPageAddressesAreMovedToPaged() {
        HttpResponse<byte[]> home = server.get("/page/2/");
        assertEquals(301, home.statusCode());
        assertEquals("/?paged=2", home.headers().firstValue("Location").orElseThrow());
        String categoryPath = category.substring(server.base().length());
        HttpResponse<byte[]> inCategory = server.get(categoryPath + "page/3/");
        assertEquals(301, inCategory.statusCode());
        assertEquals(categoryPath + "?paged=3", inCategory.headers().firstValue("Location").orElseThrow());
        assertEquals("/", server.get("/page/1/").headers().firstValue("Location").orElseThrow());
        HttpResponse<byte[]> searching = server.get("/page/2/?s=" + URLEncoder.encode("قمة", StandardCharsets.UTF_8));
        assertEquals(search("قمة", 2), searching.headers().firstValue("Location").orElseThrow());
        assertEquals(404, server.get("/page/x/").statusCode());
        assertEquals(200, server.get("/?paged=2").statusCode());
    }

    @Test
    void eachPageAdvertisesOnlyItsOwnFeedsAndOffersThemInOneSubscribeControl() {
        String site = server.base() + "/feed/";
        assertEquals(feeds(site), alternates("/"));
        assertEquals(feeds(category + "feed/", site), alternates(category));
        assertEquals(feeds(author + "feed/", site), alternates(author));
        assertEquals(feeds(site, category + "feed/", author + "feed/"), alternates(article));
        assertEquals(feeds(server.base() + "/search/" + PathSegments.encode("قمة") + "/feed/"), alternates(search("قمة", 1)));
        assertEquals(feeds(site), alternates("/feeds/"));
        for (String path : List.of("/", category, author, article, search("قمة", 1))) {
            Document page = page(path);
            assertEquals(1, page.select("details.subscribe").size(), path);
            List<String> offered = page.select("details.subscribe a[type]").eachAttr("href");
            assertEquals(alternates(path), offered, path + ": the subscribe control offers the advertised feeds");
            assertEquals(server.base() + "/feeds/", page.selectFirst("details.subscribe a:not([type])").attr("href"));
        }
    }

    /** The RSS, Atom and JSON Feed addresses of feeds, given their RSS addresses. */
    private static List<String> feeds(String... rss) {
        List<String> all = new ArrayList<>();
        for (String feed : rss) {
            all.addAll(List.of(feed, feed + "atom/", feed + "json/"));
        }
        return all;
    }

    private static List<String> alternates(String path) {
        return page(path).select("head link[rel=alternate]").eachAttr("href");
    }

    @Test
    void everyPageHasALabelledSearchBox() {
        List<String> paths = new ArrayList<>(List.of("/", category, author, tag, article, search("قمة", 1), "/feeds/"));
        for (String path : paths) {
            checkSearchBox(page(path), path);
        }
        HttpResponse<byte[]> missing = server.get("/no/such/page/", "Accept", BROWSER);
        checkSearchBox(Jsoup.parse(TestServer.text(missing)), "the 404 page");
        assertEquals("قمة", page(search("قمة", 1)).selectFirst("form[role=search] input").attr("value"), "the query stays in the box");
    }

    private static void checkSearchBox(Document page, String where) {
        Element form = page.selectFirst("header form[role=search]");
        assertNotNull(form, where);
        assertEquals(server.base() + "/", form.attr("action"), where);
        assertEquals("get", form.attr("method"), where);
        Element input = form.selectFirst("input[name=s]");
        assertEquals("search", input.attr("type"), where);
        assertFalse(form.select("label[for=" + input.id() + "]").text().isBlank(), where + ": the box has a label");
        assertNotNull(form.selectFirst("button[type=submit]"), where);
    }

    @Test
    void searchResultsArePagedUnderAHeadingWithTheQueryAndTheCount() {
        Document first = page(search("قمة", 1));
        assertEquals("نتائج البحث عن «قمة»: ٢٣ نتيجة", first.selectFirst("h1").text());
        assertEquals(10, first.select("main article.card").size());
        assertEquals(server.base() + search("قمة", 2), first.selectFirst("link[rel=next]").attr("href"));
        Document third = page(search("قمة", 3));
        assertEquals(3, third.select("main article.card").size());
        assertEquals(server.base() + search("قمة", 2), third.selectFirst("link[rel=prev]").attr("href"));
        assertNull(third.selectFirst("link[rel=next]"));
        assertNotEquals(first.select("main article.card h2 a").eachAttr("href"), third.select("main article.card h2 a").eachAttr("href"));
        assertEquals(404, server.get(search("قمة", 4)).statusCode());
        assertEquals("نتائج البحث عن «قمة رقم 7»: نتيجة واحدة", page(search("قمة رقم 7", 1)).selectFirst("h1").text());
        assertEquals(200, server.get("/search/" + PathSegments.encode("قمة") + "/?paged=2").statusCode());

        Document none = page(search("زلزال", 1));
        assertEquals("نتائج البحث عن «زلزال»: لا نتائج", none.selectFirst("h1").text());
        assertTrue(none.selectFirst("main p").text().startsWith("لم نجد مقالات تطابق «زلزال»"), none.selectFirst("main p").text());
        assertTrue(none.select("main article.card").isEmpty());
    }

    @Test
    void theFeedsPageListsEveryFeedAndEachAnswers() {
        Document feeds = page("/feeds/");
        List<String> linked = feeds.select("main a[type]").eachAttr("href");
        String site = server.base() + "/feed/";
        for (String feed : feeds(site, category + "feed/", author + "feed/", tag + "feed/")) {
            assertTrue(linked.contains(feed), feed + " in " + linked);
        }
        String opml = server.base() + "/feeds.opml";
        assertTrue(linked.contains(opml), linked.toString());
        for (String feed : linked) {
            HttpResponse<byte[]> response = server.get(feed);
            assertEquals(200, response.statusCode(), feed);
        }
        assertEquals(List.of("الموقع", "التصنيفات", "الكتّاب", "الوسوم"), feeds.select("main h2").eachText());
        assertEquals(3 * 4 + 1, linked.size(), "each feed in three formats, and the OPML list");
    }

    @Test
    void theArticlePageCarriesOpenGraphTwitterAndNewsArticleJsonLd() throws Exception {
        Document page = page(article);
        assertEquals(LEAD_SUMMARY, page.selectFirst("meta[name=description]").attr("content"));
        assertEquals("article", property(page, "og:type"));
        assertEquals(LEAD_TITLE, property(page, "og:title"));
        assertEquals(LEAD_SUMMARY, property(page, "og:description"));
        assertEquals(article, property(page, "og:url"));
        assertEquals(LEAD_IMAGE, property(page, "og:image"));
        assertEquals("ar_AR", property(page, "og:locale"));
        assertEquals("2020-02-09T10:00:00Z", property(page, "article:published_time"));
        assertEquals(author, property(page, "article:author"));
        assertEquals("summary_large_image", page.selectFirst("meta[name=twitter:card]").attr("content"));
        assertEquals(LEAD_TITLE, page.selectFirst("meta[name=twitter:title]").attr("content"));
        assertEquals("summary", Jsoup.parse(TestServer.text(server.get(page("/").select("main article.card h2 a").get(1).attr("href"))))
                .selectFirst("meta[name=twitter:card]").attr("content"), "an article without an image");

        Element script = page.selectFirst("script[type=application/ld+json]");
        assertFalse(script.data().contains("</"), "nothing in the JSON can close the script: " + script.data());
        JsonNode json = JSON.readTree(script.data());
        assertEquals("https://schema.org", json.get("@context").asText());
        assertEquals("NewsArticle", json.get("@type").asText());
        assertEquals(LEAD_TITLE, json.get("headline").asText());
        assertEquals("2020-02-09T10:00:00Z", json.get("datePublished").asText());
        assertEquals("2020-02-09T12:30:00Z", json.get("dateModified").asText());
        assertEquals("Person", json.get("author").get(0).get("@type").asText());
        assertEquals("ليلى حسن", json.get("author").get(0).get("name").asText());
        assertEquals(author, json.get("author").get(0).get("url").asText());
        assertEquals("Organization", json.get("publisher").get("@type").asText());
        assertEquals(page.selectFirst("header .site a").text(), json.get("publisher").get("name").asText());
        assertEquals(LEAD_IMAGE, json.get("image").get(0).asText());
        assertEquals(article, json.get("mainEntityOfPage").get("@id").asText());
        assertEquals("ar", json.get("inLanguage").asText());
        assertEquals("٩ فبراير ٢٠٢٠", page.selectFirst("article time").text());
        assertEquals("١٥ جمادى الآخرة ١٤٤١ هـ", page.selectFirst("article .hijri").text());
    }

    private static String property(Document page, String property) {
        return page.selectFirst("meta[property=" + property + "]").attr("content");
    }

    @Test
    void aBrowserIsShownAnArabicErrorPageAndProgramsKeepTheirJsonOrText() throws Exception {
        HttpResponse<byte[]> missing = server.get("/no/such/page/", "Accept", BROWSER);
        assertEquals(404, missing.statusCode());
        assertEquals("text/html; charset=utf-8", missing.headers().firstValue("Content-Type").orElseThrow());
        Document page = Jsoup.parse(TestServer.text(missing), server.base() + "/");
        assertEquals("ar", page.selectFirst("html").attr("lang"));
        assertEquals("rtl", page.selectFirst("html").attr("dir"));
        assertEquals("لم نجد هذه الصفحة", page.selectFirst("h1").text());
        assertEquals(server.base() + "/", page.selectFirst("main a").attr("href"));
        assertTrue(page.selectFirst("main .meta").text().startsWith("رمز الخطأ ٤٠٤"), page.selectFirst("main .meta").text());
        assertEquals("no article at /no/such/page/", page.selectFirst("main .meta span[lang=en]").text(), "the address as it was asked for");

        HttpResponse<byte[]> noCategory = server.get("/category/no-such/", "Accept", BROWSER);
        assertEquals(404, noCategory.statusCode());
        assertTrue(TestServer.text(noCategory).contains("<h1>لم نجد هذه الصفحة</h1>"));
        HttpResponse<byte[]> notAllowed = server.send(server.request("/", "Accept", BROWSER)
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(405, notAllowed.statusCode());
        assertTrue(notAllowed.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        HttpResponse<byte[]> badPage = server.get("/?paged=abc", "Accept", BROWSER);
        assertEquals(400, badPage.statusCode());
        assertTrue(TestServer.text(badPage).contains("<h1>تعذّر فهم هذا الطلب</h1>"));

        HttpResponse<byte[]> api = server.get("/api/articles/999999", "Accept", BROWSER);
        assertEquals(404, api.statusCode());
        assertEquals(404, JSON.readTree(api.body()).get("status").asInt(), "the API answers JSON even to a browser");
        HttpResponse<byte[]> asked = server.get("/no/such/page/", "Accept", "application/json");
        assertEquals(404, asked.statusCode());
        assertEquals(404, JSON.readTree(asked.body()).get("status").asInt(), "a client asking for JSON gets JSON");
        HttpResponse<byte[]> curl = server.get("/no/such/page/", "Accept", "*/*");
        assertEquals(404, curl.statusCode());
        assertTrue(curl.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertTrue(TestServer.text(curl).startsWith("404 Not Found: "), TestServer.text(curl));
    }
}
