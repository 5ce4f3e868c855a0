package org.minbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.Feeds;
import org.minbar.support.TestServer;
import org.minbar.support.Xml;

/** {@code minbar import} of the Arabic WordPress export, then a real server on that store, read over HTTP. */
class ImportCommandIT {

    private static final String S400 = "تركيا تتسلم الدفعة الثانية من منظومة إس-400 الروسية";
    private static final String PATRIOT = "باتريوت في مواجهة الصواريخ الباليستية: ماذا تقول الأرقام؟";
    private static final String IDLIB = "الجيش السوري يستعيد قرى في ريف إدلب الجنوبي";
    private static final String DENIAL = "روسيا تنفي استهداف منشآت مدنية في إدلب";

    @TempDir
    Path temp;

    @Test
    void anImportedExportIsServedInTheSiteFeedAndByWordPressCategoryAddresses() throws Exception {
        Path storage = temp.resolve("storage");
        Path export = fixture();
        CommandRun run = CommandRun.of("import", "--storage", storage.toString(), "--feeds", Feeds.withoutBaseUrl(storage).toString(), export.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(export + ": done, 7 items: 4 imported (new), 0 updated, 0 unchanged, 3 skipped (1 attachment, 1 draft, 1 page), 0 failed\n"
                + export + ": 8 categories, tags and authors keep their WordPress ids\n"
                + "search index: rebuilding from the database (4 articles)\n"
                + "search index: 4 of 4 articles\n"
                + "search index: rebuilt with 4 articles\n"
                + "related stories: computed for the 4 changes in the log\n"
                + "Import finished: 4 imported (new), 0 updated, 0 unchanged, 3 skipped (1 attachment, 1 draft, 1 page), 0 failed.\n", run.out());

        try (TestServer server = TestServer.start(storage)) {
            SyndFeed site = Xml.rome(server.get("/feed/").body());
            assertEquals(List.of(PATRIOT, S400, DENIAL, IDLIB), titles(site), "newest first, by wp:post_date_gmt");
            SyndEntry s400 = site.getEntries().get(1);
            assertEquals("سارة المنصوري", s400.getAuthor());
            assertEquals(List.of("دفاع جوي", "تركيا", "إس-400"), s400.getCategories().stream().map(c -> c.getName()).toList(),
                    "categories, then tags");

            assertEquals(List.of(PATRIOT, S400), titles(Xml.rome(server.get("/category/air-defence/feed/").body())));
            for (String syria : List.of("%D8%B3%D9%88%D8%B1%D9%8A%D8%A7", "%d8%b3%d9%88%d8%b1%d9%8a%d8%a7")) {
                assertEquals(List.of(DENIAL, IDLIB), titles(Xml.rome(server.get("/category/" + syria + "/feed/").body())), syria);
            }
            assertEquals(List.of(DENIAL, IDLIB), titles(Xml.rome(server.get("/category/%d8%b3%d9%88%d8%b1%d9%8a%d8%a7/feed/atom/").body())));

            // WordPress's query addresses name terms by the ids the export gave them (wp:term_id, wp:author_id).
            for (String[] held : new String[][] {
                    {"/?cat=5&feed=rss2", "/category/air-defence/feed/"},
                    {"/?cat=3&feed=atom", "/category/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/feed/atom/"},
                    {"/?author=3&feed=rss2", "/author/sara-mansouri/feed/"},
                    {"/?author=3", "/author/sara-mansouri/"},
                    {"/?cat=5", "/category/air-defence/"},
                    {"/?tag=%d8%a5%d8%b3-400&feed=rss2", "/tag/%D8%A7%D8%B3-400/feed/"}}) {
                HttpResponse<byte[]> response = server.get(held[0]);
                assertEquals(301, response.statusCode(), held[0] + ": " + TestServer.text(response));
                assertEquals(held[1], response.headers().firstValue("Location").orElseThrow(), held[0]);
            }
            assertEquals(List.of(PATRIOT, S400), titles(Xml.rome(server.get("/category/air-defence/feed/").body())));
            HttpResponse<byte[]> unknown = server.get("/?cat=1&feed=rss2");
            assertEquals(404, unknown.statusCode(), "Uncategorized had no imported post");
            assertTrue(TestServer.text(unknown).contains("no category had the WordPress id 1"), TestServer.text(unknown));
        }
    }

    @Test
    void aRunningServerServesWhatAnImportBesideItStored() throws Exception {
        Path storage = temp.resolve("storage");
        try (TestServer server = TestServer.start(storage)) {
            assertTrue(Xml.rome(server.get("/feed/").body()).getEntries().isEmpty());
            CommandRun run = CommandRun.of("import", "--storage", storage.toString(), "--feeds", Feeds.withoutBaseUrl(storage).toString(),
                    fixture().toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("a running server holds the search index"), run.out());
            List<String> titles = List.of();
            for (int attempt = 0; attempt < 100 && titles.size() < 4; attempt++) { // the server checks every 2 s
                Thread.sleep(100);
                titles = titles(Xml.rome(server.get("/feed/").body()));
            }
            assertEquals(List.of(PATRIOT, S400, DENIAL, IDLIB), titles);
        }
    }

    @Test
    void importingAgainChangesNothingAndAFailedItemGivesExitCode1() throws Exception {
        Path storage = temp.resolve("storage");
        String feeds = Feeds.withoutBaseUrl(storage).toString();
        assertEquals(0, CommandRun.of("import", "--storage", storage.toString(), "--feeds", feeds, fixture().toString()).exitCode());

        Path bad = Files.writeString(temp.resolve("bad.xml"), """
                <rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><wp:wxr_version>1.2</wp:wxr_version>
                <item><title></title><guid>urn:test:untitled</guid><content:encoded>نص</content:encoded>
                <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                </channel></rss>
                """);
        CommandRun run = CommandRun.of("import", "--storage", storage.toString(), "--feeds", feeds, fixture().toString(), bad.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().endsWith("Import finished: 0 imported (new), 0 updated, 4 unchanged, 3 skipped (1 attachment, 1 draft, 1 page), 1 failed.\n"
                + "  failed: " + bad + ", item at line 3 (guid urn:test:untitled): title is required and must contain text\n"), run.out());
    }

    @Test
    void aMissingFileIsAUsageErrorAndNothingIsOpened() {
        Path storage = temp.resolve("storage");
        CommandRun run = CommandRun.of("import", "--storage", storage.toString(), temp.resolve("nothing.xml").toString());
        assertEquals(2, run.exitCode());
        assertEquals("minbar import: " + temp.resolve("nothing.xml") + ": no such file or folder\n", run.err());
        assertTrue(Files.notExists(storage), "the store is not created");
        assertEquals(2, CommandRun.of("import", "--storage", storage.toString()).exitCode(), "FILE is required");
    }

    /**
     * Issue 12's first report: after a WordPress import, articles posted by name landed in a second
     * category, author and tag. Now a name in any spelling joins the imported slug, the feeds.opml
     * lists the category once, and the address made from the name redirects to WordPress's.
     */
    @Test
    void articlesPostedByNameAfterAnImportJoinTheImportedCategoriesTagsAndAuthors() throws Exception {
        Path storage = temp.resolve("storage");
        assertEquals(0, CommandRun.of("import", "--storage", storage.toString(), "--feeds", Feeds.withoutBaseUrl(storage).toString(),
                fixture().toString()).exitCode());
        try (TestServer server = TestServer.start(storage)) {
            String posted = "منظومة جديدة للدفاع الجوي تدخل الخدمة";
            assertEquals(201, server.postJson("{\"title\": \"" + posted + "\", \"content\": \"<p>نص الخبر</p>\","
                    + " \"categories\": [\"دفاع جوي\"], \"tags\": [\"باتريوت\"], \"author\": \"سارة المنصوري\"}").statusCode());
            server.derived(null);
            assertEquals(List.of(posted, PATRIOT, S400), titles(Xml.rome(server.get("/category/air-defence/feed/").body())));
            assertEquals(List.of(posted, PATRIOT), titles(Xml.rome(server.get("/tag/patriot/feed/").body())));
            assertEquals(List.of(posted, PATRIOT, S400), titles(Xml.rome(server.get("/author/sara-mansouri/feed/").body())),
                    "WordPress's author address, /author/{nicename}/");

            // Tags reach RSS and Atom readers beside the categories, each with its taxonomy.
            org.w3c.dom.Element item = Xml.all(Xml.parse(server.get("/category/air-defence/feed/").body()), null, "item").get(0);
            List<String> rss = Xml.children(item, null, "category").stream()
                    .map(c -> c.getAttribute("domain") + " " + c.getTextContent()).toList();
            assertEquals(List.of(server.base() + "/category/ دفاع جوي", server.base() + "/tag/ باتريوت"), rss);
            org.w3c.dom.Element entry = Xml.all(Xml.parse(server.get("/category/air-defence/feed/atom/").body()), Xml.ATOM, "entry").get(0);
            List<String> atom = Xml.children(entry, Xml.ATOM, "category").stream()
                    .map(c -> c.getAttribute("scheme") + " " + c.getAttribute("term")).toList();
            assertEquals(List.of(server.base() + "/category/ دفاع جوي", server.base() + "/tag/ باتريوت"), atom);

            String opml = TestServer.text(server.get("/feeds.opml"));
            assertEquals(1, opml.split("text=\"دفاع جوي\"", -1).length - 1, opml);

            for (String[] moved : new String[][] {
                    {"/category/%D8%AF%D9%81%D8%A7%D8%B9-%D8%AC%D9%88%D9%8A/feed/atom/", "/category/air-defence/feed/atom/"},
                    {"/author/%D8%B3%D8%A7%D8%B1%D8%A9-%D8%A7%D9%84%D9%85%D9%86%D8%B5%D9%88%D8%B1%D9%8A/feed/?paged=1",
                            "/author/sara-mansouri/feed/?paged=1"},
                    {"/category/%D8%AF%D9%81%D8%A7%D8%B9-%D8%AC%D9%88%D9%8A/", "/category/air-defence/"}}) {
                var answer = server.get(moved[0]);
                assertEquals(301, answer.statusCode(), moved[0]);
                assertEquals(moved[1], answer.headers().firstValue("Location").orElseThrow(), moved[0]);
            }
        }
    }


    private static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(ImportCommandIT.class.getResource("/wxr/arabic-export.xml").toURI());
    }
}
