package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.ingest.ArticleReaders;
import org.minbar.model.Article;
import org.minbar.related.ArticleIndex;
import org.minbar.storage.Database;
import org.minbar.support.Articles;

// Covers Importer on a real SQLite file: the Arabic export's counts, a second run that updates
// instead of duplicating, failures named with their item, progress lines, and a folder of JSON files.
class ImporterTest {

    private static final org.minbar.publish.SiteLinks LINKS = new org.minbar.publish.SiteLinks(new org.minbar.config.SiteConfig(
            "منبر", "وصف", "https://news.example", "ar", 20, 12_000, 30, java.util.Map.of(), java.util.Map.of()));

    @TempDir
    Path temp;
    Database database;
    ArticleIndex index;
    ArticleService articles;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("storage"));
        index = ArticleIndex.open(temp.resolve("storage").resolve("index"));
        articles = new ArticleService(database, new ArticleReaders("https://news.example"), new FeedHistory(20),
                Derivation.following(database, index, Clock.systemUTC(), new FeedCache(),
                        new HubOutbox(LINKS, new org.minbar.websub.Doorbell(), Clock.systemUTC()), line -> { }),
                LINKS, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        index.close();
        database.close();
    }

    @Test
    void theArabicExportImportsFourPostsAndSkipsThePageTheDraftAndTheAttachment() throws Exception {
        Path export = fixture();
        ImportReport report = importer().importAll(List.of(export));

        assertEquals(4, report.imported());
        assertEquals(0, report.updated());
        assertEquals(Map.of("attachment", 1, "draft", 1, "page", 1), report.skipped());
        assertEquals(List.of(), report.failures());
        assertEquals(List.of(export + ": done, 7 items: 4 imported (new), 0 updated, 3 skipped (1 attachment, 1 draft, 1 page), 0 failed"),
                progress);
        assertEquals(List.of("Import finished: 4 imported (new), 0 updated, 3 skipped (1 attachment, 1 draft, 1 page), 0 failed."),
                report.summary());

        Article s400 = stored("تركيا تتسلم الدفعة الثانية من منظومة إس-400 الروسية");
        assertEquals(List.of("air-defence", "تركيا"), s400.categories().stream().map(c -> c.slug()).toList());
        assertEquals(List.of("دفاع جوي", "تركيا"), s400.categories().stream().map(c -> c.name()).toList());
        assertEquals("سارة المنصوري", s400.authors().get(0).name());
        assertEquals("2024/03/10/تركيا-تتسلم-منظومة-اس-400", s400.path(), "the page keeps WordPress's post name");
        assertEquals("https://defense-arab.example/?p=101", s400.feedId(), "the WordPress guid, an absolute URI, is the feed id");
    }

    /** "updated" means: matched an article already stored, by guid or URL, and written over it. */
    @Test
    void importingTheSameExportAgainUpdatesTheFourPostsAndDuplicatesNothing() throws Exception {
        importer().importAll(List.of(fixture()));
        Article before = stored("روسيا تنفي استهداف منشآت مدنية في إدلب");

        ImportReport again = importer().importAll(List.of(fixture()));
        assertEquals(0, again.imported());
        assertEquals(4, again.updated());
        assertEquals(3, again.skippedTotal());
        assertEquals(List.of(), again.failures());
        long stored = database.read(connection -> count(connection, "SELECT COUNT(*) FROM articles"));
        assertEquals(4, stored);

        Article after = stored("روسيا تنفي استهداف منشآت مدنية في إدلب");
        assertEquals(before.id(), after.id());
        assertEquals(before.path(), after.path());
        assertEquals(before.feedId(), after.feedId());
        assertEquals(before.published(), after.published());
        assertEquals(before.updated(), after.updated(), "the export's post_modified_gmt, not the time of the import");
        assertEquals(before.content(), after.content());
    }

    @Test
    void aBadItemFailsWithItsLineTitleAndGuidAndTheRestIsImported() throws Exception {
        Path export = Files.writeString(temp.resolve("mixed.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                <wp:wxr_version>1.2</wp:wxr_version>
                <item><title>خبر سليم</title><guid>urn:test:1</guid><content:encoded>نص</content:encoded>
                  <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                <item><title>خبر بلا نص</title><guid>urn:test:2</guid><content:encoded></content:encoded>
                  <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                </channel>
                </rss>
                """);
        ImportReport report = importer().importAll(List.of(export));
        assertEquals(1, report.imported());
        assertEquals(List.of(new ImportReport.Failure(export.toString(), "item at line 7 \"خبر بلا نص\" (guid urn:test:2)",
                "content:encoded is required (or at least an excerpt)")), report.failures());
        assertEquals(List.of("Import finished: 1 imported (new), 0 updated, 0 skipped, 1 failed.",
                "  failed: " + export + ", item at line 7 \"خبر بلا نص\" (guid urn:test:2): content:encoded is required (or at least an excerpt)"),
                report.summary());
    }

    @Test
    void anExportThatBreaksOffKeepsWhatWasReadAndFailsWithTheLine() throws Exception {
        String whole = Files.readString(fixture());
        Path broken = Files.writeString(temp.resolve("broken.xml"), whole.substring(0, whole.indexOf("<wp:post_id>101")));
        ImportReport report = importer().importAll(List.of(broken));
        assertEquals(2, report.imported(), "the two posts before the break");
        assertEquals(1, report.failures().size());
        assertEquals("", report.failures().get(0).item());
        long lastLine = Files.readString(broken).lines().count();
        assertTrue(report.failures().get(0).reason().matches("line " + lastLine + ", column \\d+: not well-formed XML: .+"),
                report.failures().get(0).reason());
    }

    @Test
    void progressIsReportedEveryHundredItems() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            items.append("<item><title>مسودة ").append(i).append("</title><wp:status>draft</wp:status></item>\n");
        }
        Path export = Files.writeString(temp.resolve("drafts.xml"), """
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
                %s</channel></rss>""".formatted(items));
        importer().importAll(List.of(export));
        assertEquals(List.of(
                export + ": 100 items so far: 0 imported (new), 0 updated, 100 skipped (100 draft), 0 failed",
                export + ": 200 items so far: 0 imported (new), 0 updated, 200 skipped (200 draft), 0 failed",
                export + ": done, 250 items: 0 imported (new), 0 updated, 250 skipped (250 draft), 0 failed"), progress);
    }

    @Test
    void postsAreSavedAGroupAtATimeAndAnItemTheStoreRefusesLeavesTheRestOfItsGroup() throws Exception {
        // Refused when saved, not when read: its guid belongs to one article and its link to another.
        articles.submit(new org.minbar.model.Submission("application/json", """
                {"guid": "urn:test:held-1", "url": "https://news.example/held-1", "title": "خبر أول", "content": "<p>نص</p>"}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        articles.submit(new org.minbar.model.Submission("application/json", """
                {"guid": "urn:test:held-2", "url": "https://news.example/held-2", "title": "خبر ثان", "content": "<p>نص</p>"}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            String guid = i == 120 ? "urn:test:held-1" : "urn:test:post-" + i;
            String link = i == 120 ? "https://news.example/held-2" : "https://news.example/post-" + i;
            items.append("<item><title>خبر رقم ").append(i).append("</title><guid>").append(guid).append("</guid><link>")
                    .append(link).append("</link><content:encoded>نص الخبر</content:encoded>")
                    .append("<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n");
        }
        Path export = Files.writeString(temp.resolve("posts.xml"), """
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><wp:wxr_version>1.2</wp:wxr_version>
                %s</channel></rss>""".formatted(items));
        ImportReport report = importer().importAll(List.of(export));

        assertEquals(149, report.imported(), "every post but the refused one, in its group too");
        assertEquals(1, report.failures().size());
        assertEquals("item at line 122 \"خبر رقم 120\" (guid urn:test:held-1)", report.failures().get(0).item());
        assertTrue(report.failures().get(0).reason().contains("belongs to article"), report.failures().get(0).reason());
        assertEquals(List.of(
                export + ": 100 items so far: 100 imported (new), 0 updated, 0 skipped, 0 failed",
                export + ": done, 150 items: 149 imported (new), 0 updated, 0 skipped, 1 failed"), progress);
        assertEquals(151L, (long) database.read(connection -> {
            try (var count = connection.prepareStatement("SELECT count(*) FROM articles").executeQuery()) {
                return count.getLong(1);
            }
        }), "the two held articles and 149 imported");
    }

    @Test
    void aFolderOfJsonFilesIsSubmittedFileByFileAndOtherFilesAreLeftAlone() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("articles"));
        Files.writeString(folder.resolve("01-s400.json"), Articles.s400Deal("urn:test:s400"));
        Files.writeString(folder.resolve("02-brief.json"), Articles.brief("urn:test:brief", "موجز عن إدلب", "سوريا", "نور الدين",
                "2024-03-01T10:00:00+03:00"));
        Files.writeString(folder.resolve("03-broken.json"), "{\"title\": ");
        Files.writeString(folder.resolve("README.md"), "# not an article");
        Files.writeString(folder.resolve(".hidden.json"), "{}");

        ImportReport first = importer().importAll(List.of(folder));
        assertEquals(2, first.imported());
        assertEquals(1, first.failures().size());
        ImportReport.Failure broken = first.failures().get(0);
        assertEquals(folder.resolve("03-broken.json").toString(), broken.source());
        assertTrue(broken.reason().startsWith("$ is not valid JSON"), broken.reason());
        assertEquals(folder + ": done, 3 files: 2 imported (new), 0 updated, 0 skipped, 1 failed", progress.get(0));

        ImportReport second = importer().importFolder(folder, file -> !file.toString().endsWith("broken.json"));
        assertEquals(0, second.imported());
        assertEquals(2, second.updated());
        assertEquals(List.of(), second.failures());
    }

    @Test
    void seedImportGoesThroughTheImporterOnlyIntoAnEmptyStore() throws IOException {
        Path seeds = Files.createDirectories(temp.resolve("seeds"));
        Files.writeString(seeds.resolve("a.json"), Articles.s400Deal("urn:test:seed"), StandardCharsets.UTF_8);
        Files.writeString(seeds.resolve("b.xml"), "<rss/>");
        Files.writeString(seeds.resolve("c.json"), "[]");

        SeedImport.Result result = new SeedImport(articles).importIfEmpty(seeds);
        assertEquals(1, result.imported());
        assertEquals(List.of("c.json: $ must be a JSON object"), result.failures());
        assertEquals(new SeedImport.Result(0, List.of()), new SeedImport(articles).importIfEmpty(seeds), "the store is no longer empty");
    }

    private Importer importer() {
        progress.clear();
        return new Importer(articles, progress::add);
    }

    private Article stored(String title) {
        long id = database.read(connection -> {
            try (var query = connection.prepareStatement("SELECT id FROM articles WHERE title = ?")) {
                query.setString(1, title);
                try (var rows = query.executeQuery()) {
                    assertTrue(rows.next(), "no article titled " + title);
                    return rows.getLong(1);
                }
            }
        });
        return articles.get(id);
    }

    private static long count(java.sql.Connection connection, String sql) throws java.sql.SQLException {
        try (var query = connection.prepareStatement(sql); var rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(ImporterTest.class.getResource("/wxr/arabic-export.xml").toURI());
    }
}
