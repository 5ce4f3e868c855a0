package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.AtomSchema;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;
import org.minbar.text.PathSegments;
import org.minbar.text.Slugs;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The first start of a newcomer: seeds imported, every kind of feed served and valid, over real HTTP. */
class SeededFeedsIT {

    private static final String SEED_TITLE = "الجيش الروسي: مقتل 40 جنديًا سوريًا وإصابة 80 آخرين بجروح في هجوم شنه مسلحون على إدلب";
    private static final Pattern RFC_822 = Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} "
            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");

    @TempDir
    static Path storage;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.withSeeds(storage);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String category(String name) {
        return "/category/" + PathSegments.encode(Slugs.of(name)) + "/feed/";
    }

    private static String author(String name) {
        return "/author/" + PathSegments.encode(Slugs.of(name)) + "/feed/";
    }

    @Test
    void siteRssHasTheChannelInArabicWithSelfLinkAndEveryItemNewestFirst() {
        HttpResponse<byte[]> response = server.get("/feed/");
        assertEquals(200, response.statusCode());
        assertEquals("application/rss+xml; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        Document rss = Xml.parse(response.body());
        Element channel = Xml.child(rss.getDocumentElement(), null, "channel");
        assertEquals("2.0", rss.getDocumentElement().getAttribute("version"));
        assertEquals("منبر الأخبار الدفاعية", Xml.text(channel, null, "title"));
        assertEquals("ar", Xml.text(channel, null, "language"));
        assertEquals(server.base() + "/", Xml.text(channel, null, "link"));
        assertTrue(RFC_822.matcher(Xml.text(channel, null, "lastBuildDate")).matches());
        assertTrue(Xml.text(channel, null, "generator").startsWith("Minbar"));
        Element self = Xml.child(channel, Xml.ATOM, "link");
        assertEquals("self", self.getAttribute("rel"));
        assertEquals(server.base() + "/feed/", self.getAttribute("href"));

        List<Element> items = Xml.children(channel, null, "item");
        assertEquals(9, items.size());
        ZonedDateTime previous = null;
        for (Element item : items) {
            String pubDate = Xml.text(item, null, "pubDate");
            assertTrue(RFC_822.matcher(pubDate).matches(), "English RFC 822 date under an Arabic locale: " + pubDate);
            ZonedDateTime date = ZonedDateTime.parse(pubDate, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH));
            if (previous != null) {
                assertFalse(date.isAfter(previous), "items newest first");
            }
            previous = date;
        }
    }

    @Test
    void theSeedArticleCarriesTitleAuthorCategoriesRightToLeftContentAndItsRelatedHeadlines() {
        Document rss = Xml.parse(server.get("/feed/").body());
        Element item = Xml.all(rss, null, "item").stream()
                .filter(i -> Xml.text(i, null, "title").equals(SEED_TITLE)).findFirst().orElseThrow();
        assertEquals("نور الدين", Xml.text(item, Xml.DC, "creator"));
        assertEquals(List.of("category سوريا", "category روسيا", "tag إدلب", "tag وقف إطلاق النار", "tag الجيش السوري",
                        "tag المركز الروسي للمصالحة"), Xml.children(item, null, "category").stream()
                .map(c -> c.getAttribute("domain").replaceAll(".*/(category|tag)/$", "$1") + " " + c.getTextContent()).toList(),
                "categories, then tags, told apart by their domain");
        assertEquals("Thu, 30 Jan 2020 11:10:00 GMT", Xml.text(item, null, "pubDate"));
        Element guid = Xml.child(item, null, "guid");
        assertEquals("urn:minbar:seed:idlib-attack", guid.getTextContent());
        assertEquals("false", guid.getAttribute("isPermaLink"));
        String content = Xml.text(item, Xml.CONTENT, "encoded");
        assertTrue(content.startsWith("<div dir=\"rtl\" lang=\"ar\">"), content.substring(0, 40));
        assertTrue(content.contains("إدلب هي آخر معقل للمعارضة في الجمهورية العربية."));
        assertFalse(content.contains("اترك تعليقاً"));
        assertFalse(content.contains("لن يتم نشر عنوان بريدك الإلكتروني"));
        assertTrue(content.contains("أخبار ذات صلة"));

        List<Element> related = Xml.children(item, Xml.ATOM, "link");
        assertEquals(5, related.size(), "the publisher's three, then two found by text similarity");
        assertEquals(List.of("وزارة الدفاع الروسية تنفي مزاعم الغارات الجوية على البنية التحتية المدنية في إدلب",
                        "مصر توقع مذكرات تفاهم مع شركات رومانية في مجال الدفاع والتسلح",
                        "باتريوت ضد صواريخ إيران"),
                related.subList(0, 3).stream().map(l -> l.getAttribute("title")).toList());
        for (Element link : related.subList(3, related.size())) {
            assertTrue(link.getAttribute("title").contains("إدلب"), "found by text, about Idlib: " + link.getAttribute("title"));
        }
        for (Element link : related) {
            assertEquals("related", link.getAttribute("rel"));
            assertTrue(server.get(link.getAttribute("href").substring(server.base().length())).statusCode() == 200,
                    "related link resolves to a page of ours: " + link.getAttribute("href"));
        }
    }

    @Test
    void siteAtomIsArabicWithSelfLinkAndEntriesWithAuthorsCategoriesDatesAndHtmlContent() {
        HttpResponse<byte[]> response = server.get("/feed/atom/");
        assertEquals("application/atom+xml; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        Document atom = Xml.parse(response.body());
        Element feed = atom.getDocumentElement();
        assertEquals(Xml.ATOM, feed.getNamespaceURI());
        assertEquals("ar", feed.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertEquals(server.base() + "/feed/atom/", Xml.text(feed, Xml.ATOM, "id"));
        assertTrue(Xml.children(feed, Xml.ATOM, "link").stream()
                .anyMatch(l -> l.getAttribute("rel").equals("self") && l.getAttribute("href").equals(server.base() + "/feed/atom/")));
        assertEquals("منبر الأخبار الدفاعية", Xml.text(Xml.child(feed, Xml.ATOM, "author"), Xml.ATOM, "name"));
        List<Element> entries = Xml.children(feed, Xml.ATOM, "entry");
        assertEquals(9, entries.size());
        Element seed = entries.stream().filter(e -> Xml.text(e, Xml.ATOM, "title").equals(SEED_TITLE)).findFirst().orElseThrow();
        assertEquals("2020-01-30T11:10:00Z", Xml.text(seed, Xml.ATOM, "published"));
        assertEquals("2020-01-30T13:45:00Z", Xml.text(seed, Xml.ATOM, "updated"));
        assertEquals("نور الدين", Xml.text(Xml.child(seed, Xml.ATOM, "author"), Xml.ATOM, "name"));
        Element content = Xml.child(seed, Xml.ATOM, "content");
        assertEquals("html", content.getAttribute("type"));
        assertTrue(content.getTextContent().startsWith("<div dir=\"rtl\" lang=\"ar\">"));
        assertEquals(List.of("category سوريا", "category روسيا", "tag إدلب", "tag وقف إطلاق النار", "tag الجيش السوري",
                        "tag المركز الروسي للمصالحة"), Xml.children(seed, Xml.ATOM, "category").stream()
                .map(c -> c.getAttribute("scheme").replaceAll(".*/(category|tag)/$", "$1") + " " + c.getAttribute("term")).toList(),
                "categories, then tags, told apart by their scheme");
        assertTrue(Xml.children(seed, Xml.ATOM, "link").stream()
                .anyMatch(l -> l.getAttribute("rel").equals("related") && l.getAttribute("title").equals("باتريوت ضد صواريخ إيران")));
    }

    @Test
    void categoryFeedsByPercentEncodedArabicSlugHoldOnlyThatCategory() {
        SyndFeed syria = Xml.rome(server.get(category("سوريا")).body());
        assertEquals("سوريا – منبر الأخبار الدفاعية", syria.getTitle());
        assertEquals("أخبار سوريا العسكرية والسياسية وتطورات الميدان في إدلب وسائر المحافظات.", syria.getDescription());
        assertFalse(syria.getEntries().isEmpty());
        for (SyndEntry entry : syria.getEntries()) {
            assertTrue(entry.getCategories().stream().anyMatch(c -> c.getName().equals("سوريا")), entry.getTitle());
        }
        assertTrue(syria.getEntries().stream().anyMatch(e -> e.getTitle().equals(SEED_TITLE)));

        SyndFeed syriaAtom = Xml.rome(server.get(category("سوريا") + "atom/").body());
        assertEquals("atom_1.0", syriaAtom.getFeedType());
        assertEquals(syria.getEntries().size(), syriaAtom.getEntries().size());
        assertEquals(syria.getEntries().stream().map(SyndEntry::getTitle).toList(),
                syriaAtom.getEntries().stream().map(SyndEntry::getTitle).toList());
    }

    @Test
    void authorFeedsHoldOnlyThatAuthorsArticlesWithTheirName() {
        SyndFeed noureddine = Xml.rome(server.get(author("نور الدين")).body());
        assertEquals("rss_2.0", noureddine.getFeedType());
        assertTrue(noureddine.getTitle().startsWith("نور الدين"));
        assertTrue(noureddine.getEntries().stream().anyMatch(e -> e.getTitle().equals(SEED_TITLE)));
        for (SyndEntry entry : noureddine.getEntries()) {
            assertTrue(entry.getAuthors().stream().anyMatch(a -> a.getName().equals("نور الدين"))
                    || "نور الدين".equals(entry.getAuthor()), entry.getTitle());
        }
        SyndFeed atom = Xml.rome(server.get(author("نور الدين") + "atom/").body());
        assertEquals(noureddine.getEntries().size(), atom.getEntries().size());
    }

    @Test
    void aSlugWrittenWithTashkeelOrAnotherAlefFormLeadsToTheSameCategory() {
        // One 301 to the category's own address, so that the self link of the feed served is where the reader is.
        for (String spelled : List.of("سُورِيَا", "سوريا", "إيران", "ايران")) {
            HttpResponse<byte[]> response = server.get("/category/" + PathSegments.encode(spelled) + "/feed/atom/");
            if (response.statusCode() == 301) {
                response = server.get(response.headers().firstValue("Location").orElseThrow());
            }
            assertEquals(200, response.statusCode(), spelled);
            String self = Xml.rome(response.body()).getLinks().stream().filter(l -> "self".equals(l.getRel()))
                    .findFirst().orElseThrow().getHref();
            assertEquals(server.base() + response.uri().getRawPath(), self, spelled);
        }
        assertEquals(301, server.get("/category/" + PathSegments.encode("سُورِيَا") + "/feed/").statusCode());
    }

    @Test
    void unknownCategoryOrAuthorIsA404WithAMessageNotAnEmptyFeed() {
        HttpResponse<byte[]> category = server.get(category("لا-يوجد"));
        assertEquals(404, category.statusCode());
        assertTrue(TestServer.text(category).contains("no category with the slug 'لا-يوجد'"), TestServer.text(category));
        HttpResponse<byte[]> author = server.get("/author/nobody/feed/atom/");
        assertEquals(404, author.statusCode());
        assertTrue(TestServer.text(author).contains("no author with the slug 'nobody'"));
    }

    @Test
    void everyLinkIsAbsoluteAndEveryIdUniqueAcrossBothFormats() {
        for (String path : List.of("/feed/", "/feed/atom/", category("سوريا"), author("نور الدين") + "atom/")) {
            Document document = Xml.parse(server.get(path).body());
            for (Element link : Xml.all(document, Xml.ATOM, "link")) {
                assertTrue(URI.create(link.getAttribute("href")).isAbsolute(), path + " " + link.getAttribute("href"));
            }
            for (Element link : Xml.all(document, null, "link")) {
                if (!link.getTextContent().isBlank()) {
                    assertTrue(URI.create(link.getTextContent()).isAbsolute(), path + " " + link.getTextContent());
                }
            }
            Set<String> ids = new HashSet<>();
            Xml.all(document, null, "guid").forEach(g -> assertTrue(ids.add(g.getTextContent()), "duplicate guid"));
            Xml.all(document, Xml.ATOM, "entry").forEach(e -> assertTrue(ids.add(Xml.text(e, Xml.ATOM, "id")), "duplicate id"));
        }
    }

    @Test
    void itemLinksLeadToRightToLeftArticlePagesThatDiscoverTheirFeeds() {
        SyndFeed feed = Xml.rome(server.get("/feed/").body());
        SyndEntry seed = feed.getEntries().stream().filter(e -> e.getTitle().equals(SEED_TITLE)).findFirst().orElseThrow();
        assertTrue(seed.getLink().startsWith(server.base() + "/2020/01/30/"));
        HttpResponse<byte[]> page = server.get(seed.getLink());
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        String html = TestServer.text(page);
        assertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assertTrue(html.contains(SEED_TITLE));
        assertTrue(html.contains("نور الدين من مواليد عام 1984"), "the author's bio");
        assertTrue(html.contains("type=\"application/atom+xml\""));
        assertTrue(html.contains("href=\"" + server.base() + category("سوريا") + "\""));
    }

    @Test
    void theRelatedApiShowsThePublishersLinksThenTheSimilarOnesWithScores() throws Exception {
        var related = new com.fasterxml.jackson.databind.ObjectMapper().readTree(server.get("/api/articles/1/related").body()).get("related");
        assertEquals(5, related.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("publisher", related.get(i).get("source").asText());
        }
        for (int i = 3; i < 5; i++) {
            assertEquals("similar", related.get(i).get("source").asText());
            assertTrue(related.get(i).get("score").asDouble() > 0);
            assertTrue(related.get(i).get("url").asText().startsWith(server.base() + "/"));
        }
        assertTrue(related.get(0).get("reason").isNull(), "the publisher's own links need no reason");
        assertEquals(404, server.get("/api/articles/999/related").statusCode());
    }

    @Test
    void theRelatedApiExplainsEachSimilarStoryByTheWordsPhrasesAndNumbersBothShare() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var article = json.readTree(server.get("/api/articles/1").body());
        String text = org.minbar.support.PlainArabic.normalize(article.get("title").asText() + " " + article.get("summary").asText()
                + " " + org.jsoup.Jsoup.parse(article.get("content").asText()).text());
        int explained = 0;
        for (var story : json.readTree(server.get("/api/articles/1/related").body()).get("related")) {
            if (!story.get("source").asText().equals("similar")) {
                continue;
            }
            var reason = story.get("reason");
            double similarity = reason.get("similarity").asDouble();
            assertEquals(similarity, reason.get("words").asDouble() + reason.get("phrases").asDouble() + reason.get("numbers").asDouble(), 0.005,
                    "the parts make up the similarity: " + reason);
            assertEquals(story.get("score").asDouble(), reason.get("score").asDouble(), 0.001);
            assertEquals(reason.get("score").asDouble(), similarity * reason.get("timeFactor").asDouble() + reason.get("bonus").asDouble(), 0.005,
                    "score = similarity × time factor + bonus: " + reason);
            assertTrue(reason.get("timeFactor").asDouble() > 0 && reason.get("timeFactor").asDouble() <= 1);
            assertTrue(reason.get("matches").size() > 0, "the shared features that weighed most: " + reason);
            boolean anyInArticle = false;
            double previous = Double.MAX_VALUE;
            for (var match : reason.get("matches")) {
                anyInArticle |= match.get("inArticle").asBoolean();
                assertTrue(List.of("word", "phrase", "number").contains(match.get("kind").asText()));
                boolean written = text.contains(org.minbar.support.PlainArabic.normalize(match.get("text").asText()));
                assertTrue(written || !match.get("inArticle").asBoolean(), "a match said to be in the article is written there: " + match);
                assertTrue(match.get("weight").asDouble() <= previous, "heaviest first");
                previous = match.get("weight").asDouble();
            }
            assertTrue(anyInArticle, "the article's own words are among the matches: " + reason);
            explained++;
        }
        assertTrue(explained > 0);
    }

    @Test
    void jsonFeedsCarryTheSameItemsWithAuthorsTagsRightToLeftContentAndRelatedStories() throws Exception {
        HttpResponse<byte[]> response = server.get("/feed/json/");
        assertEquals("application/feed+json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        var feed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
        assertEquals("منبر الأخبار الدفاعية", feed.get("title").asText());
        assertEquals(server.base() + "/feed/json/", feed.get("feed_url").asText());
        assertEquals("ar", feed.get("language").asText());
        var items = feed.get("items");
        assertEquals(Xml.rome(server.get("/feed/").body()).getEntries().stream().map(SyndEntry::getTitle).toList(),
                java.util.stream.StreamSupport.stream(items.spliterator(), false).map(i -> i.get("title").asText()).toList(),
                "the same items in the same order as RSS");
        var seed = java.util.stream.StreamSupport.stream(items.spliterator(), false)
                .filter(i -> i.get("title").asText().equals(SEED_TITLE)).findFirst().orElseThrow();
        assertEquals("urn:minbar:seed:idlib-attack", seed.get("id").asText());
        assertTrue(seed.get("content_html").asText().startsWith("<div dir=\"rtl\" lang=\"ar\">"));
        assertEquals("نور الدين", seed.get("authors").get(0).get("name").asText());
        assertEquals("سوريا", seed.get("tags").get(0).asText());
        assertEquals("2020-01-30T11:10:00Z", seed.get("date_published").asText());
        assertEquals("ar", seed.get("language").asText());
        assertEquals(5, seed.get("_related").size());
        assertEquals("وزارة الدفاع الروسية تنفي مزاعم الغارات الجوية على البنية التحتية المدنية في إدلب",
                seed.get("_related").get(0).get("title").asText());
        assertEquals(200, server.get(category("سوريا") + "json/").statusCode());
        assertEquals(200, server.get(author("نور الدين") + "json/").statusCode());
        assertEquals(304, server.get("/feed/json/", "If-None-Match", response.headers().firstValue("ETag").orElseThrow()).statusCode());
        assertTrue(TestServer.text(server.get("/")).contains("type=\"application/feed+json\""), "advertised on the home page");
    }

    @Test
    void theOpmlListsEveryFeedGroupedWithArabicTitlesAndEachResolves() {
        HttpResponse<byte[]> response = server.get("/feeds.opml");
        assertEquals(200, response.statusCode());
        assertEquals("text/x-opml; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        Document opml = Xml.parse(response.body());
        assertEquals("2.0", opml.getDocumentElement().getAttribute("version"));
        List<Element> groups = Xml.children(Xml.child(opml.getDocumentElement(), null, "body"), null, "outline");
        assertEquals(List.of("الموقع", "التصنيفات", "الكتّاب"), groups.stream().map(g -> g.getAttribute("text")).toList());
        assertEquals(1, Xml.children(groups.get(0), null, "outline").size());
        assertEquals(8, Xml.children(groups.get(1), null, "outline").size(), "every category");
        assertEquals(3, Xml.children(groups.get(2), null, "outline").size(), "every author");
        for (Element group : groups) {
            for (Element feed : Xml.children(group, null, "outline")) {
                assertEquals("rss", feed.getAttribute("type"));
                assertFalse(feed.getAttribute("text").isBlank());
                HttpResponse<byte[]> rss = server.get(feed.getAttribute("xmlUrl"));
                assertEquals(200, rss.statusCode(), feed.getAttribute("xmlUrl"));
                assertFalse(Xml.rome(rss.body()).getEntries().isEmpty(), feed.getAttribute("text"));
            }
        }
    }

    @Test
    void tagFeedsHoldTheArticlesWithThatTagInEveryFormat() throws Exception {
        String tag = "/tag/" + PathSegments.encode("ادلب") + "/feed/"; // the tag إدلب, found through its normalized slug
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(server.get(tag + "json/").body());
        assertTrue(json.get("items").size() > 0);
        for (var item : json.get("items")) {
            assertTrue(java.util.stream.StreamSupport.stream(item.get("tags").spliterator(), false).anyMatch(t -> t.asText().equals("إدلب")),
                    item.get("title").asText());
        }
        assertEquals(json.get("items").size(), Xml.rome(server.get(tag).body()).getEntries().size());
        AtomSchema.validate(server.get(tag + "atom/").body());
        assertEquals(200, server.get("/tag/" + PathSegments.encode("ادلب") + "/").statusCode());
        HttpResponse<byte[]> unknown = server.get("/tag/nothing/feed/");
        assertEquals(404, unknown.statusCode());
        assertTrue(TestServer.text(unknown).contains("no tag with the slug 'nothing'"));
    }

    @Test
    void everyAtomFeedIsValidByRfc4287sGrammar() {
        for (String path : List.of("/feed/atom/", category("سوريا") + "atom/", category("صناعات دفاعية") + "atom/",
                author("نور الدين") + "atom/", author("كريم الحداد") + "atom/")) {
            AtomSchema.validate(server.get(path).body());
        }
    }

    @Test
    void homePageAdvertisesTheSiteFeedsAndTheFeedsPageListsEveryFeed() {
        HttpResponse<byte[]> home = server.get("/");
        assertEquals(200, home.statusCode());
        String html = TestServer.text(home);
        assertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
        var alternates = org.jsoup.Jsoup.parse(html).select("head link[rel=alternate]").eachAttr("href");
        assertEquals(List.of(server.base() + "/feed/", server.base() + "/feed/atom/", server.base() + "/feed/json/"), alternates,
                "the home page advertises the site's feeds only");
        String feeds = TestServer.text(server.get("/feeds/"));
        for (String path : List.of("/feed/", "/feed/atom/", category("سوريا"), category("صناعات دفاعية") + "atom/",
                author("سارة المنصوري"), author("كريم الحداد") + "atom/")) {
            assertTrue(feeds.contains("href=\"" + server.base() + path + "\""), "the feeds page links " + path);
        }
        assertEquals(200, server.get("/healthz").statusCode());
    }

    @Test
    void addressesWithoutTheTrailingSlashRedirectAsWordPressDoes() {
        HttpResponse<byte[]> response = server.get("/feed");
        assertEquals(301, response.statusCode());
        assertEquals("/feed/", response.headers().firstValue("Location").orElseThrow());
    }
}
