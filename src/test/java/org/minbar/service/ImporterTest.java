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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;
import org.minbar.ingest.ArticleReaders;
import org.minbar.model.Article;
import org.minbar.related.ArticleIndex;
import org.minbar.storage.Database;
import org.minbar.support.Articles;

// Covers Importer on a real SQLite file: the Arabic export's counts, a second run that changes
// nothing and duplicates nothing, an edited item that is the one updated, failures named with
// their item, progress lines, and a folder of JSON files.
@Tag(TestStores.BOTH)
class ImporterTest {

    private static final org.minbar.publish.SiteLinks LINKS = new org.minbar.publish.SiteLinks(new org.minbar.config.SiteConfig(
            "منبر", "وصف", "https://news.example", "ar", 20, 12_000, 30, java.util.Map.of(), java.util.Map.of()));

    private static final String DENIAL = "روسيا تنفي استهداف منشآت مدنية في إدلب";

    @TempDir
    Path temp;
    Database database;
    ArticleIndex index;
    ArticleService articles;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void open() {
        database = TestStores.open(temp.resolve("storage"));
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
        assertEquals(List.of(export + ": done, 7 items: 4 imported (new), 0 updated, 0 unchanged, 3 skipped (1 attachment, 1 draft, 1 page), 0 failed",
                export + ": 8 categories, tags and authors keep their WordPress ids"), progress);
        assertEquals(List.of("Import finished: 4 imported (new), 0 updated, 0 unchanged, 3 skipped (1 attachment, 1 draft, 1 page), 0 failed."),
                report.summary());

        Article s400 = stored("تركيا تتسلم الدفعة الثانية من منظومة إس-400 الروسية");
        assertEquals(List.of("air-defence", "تركيا"), s400.categories().stream().map(c -> c.slug()).toList());
        assertEquals(List.of("دفاع جوي", "تركيا"), s400.categories().stream().map(c -> c.name()).toList());
        assertEquals("سارة المنصوري", s400.authors().get(0).name());
        assertEquals("2024/03/10/تركيا-تتسلم-منظومة-اس-400", s400.path(), "the page keeps WordPress's post name");
        assertEquals("https://defense-arab.example/?p=101", s400.feedId(), "the WordPress guid, an absolute URI, is the feed id");
    }

    /** "unchanged" means: matched an article already stored, by guid or URL, that already held everything the item gives. */
    @Test
    void importingTheSameExportAgainChangesNothingAndDuplicatesNothing() throws Exception {
        importer().importAll(List.of(fixture()));
        Map<Long, String> before = versions();
        long changes = database.read(connection -> count(connection, "SELECT COUNT(*) FROM changes"));

        ImportReport again = importer().importAll(List.of(fixture()));
        assertEquals(0, again.imported());
        assertEquals(0, again.updated());
        assertEquals(4, again.unchanged());
        assertEquals(3, again.skippedTotal());
        assertEquals(List.of(), again.failures());
        assertEquals(List.of("Import finished: 0 imported (new), 0 updated, 4 unchanged, 3 skipped (1 attachment, 1 draft, 1 page),"
                + " 0 failed."), again.summary());
        assertEquals(4L, (long) database.read(connection -> count(connection, "SELECT COUNT(*) FROM articles")));
        assertEquals(before, versions(), "no article written again: the same modified time, updated date and content");
        assertEquals(changes, (long) database.read(connection -> count(connection, "SELECT COUNT(*) FROM changes")),
                "nothing logged, so no feed, ETag or WebSub push moves");
    }

    @Test
    void anItemEditedInTheExportIsTheOneUpdatedOnReimport() throws Exception {
        importer().importAll(List.of(fixture()));
        Article denial = stored(DENIAL);
        Map<Long, String> before = versions();
        long changes = database.read(connection -> count(connection, "SELECT COUNT(*) FROM changes"));

        // Only the text: WordPress would move post_modified_gmt too, but the content alone is a change.
        String export = Files.readString(fixture());
        Path edited = Files.writeString(temp.resolve("edited.xml"),
                export.replace("لم تنفذ أي طلعات", "لم تنفذ أي طلعات جوية"));
        ImportReport again = importer().importAll(List.of(edited));
        assertEquals(0, again.imported());
        assertEquals(1, again.updated());
        assertEquals(3, again.unchanged());
        assertEquals(List.of(), again.failures());
        assertEquals(List.of("Import finished: 0 imported (new), 1 updated, 3 unchanged, 3 skipped (1 attachment, 1 draft, 1 page),"
                + " 0 failed."), again.summary());

        Article after = stored(DENIAL);
        assertTrue(after.content().contains("لم تنفذ أي طلعات جوية"), after.content());
        assertTrue(after.modified().isAfter(denial.modified()), "the edited article is a new version");
        assertEquals(denial.updated(), after.updated(), "the export's post_modified_gmt, not the time of the import");
        assertEquals(denial.path(), after.path());
        assertEquals(denial.feedId(), after.feedId());
        Map<Long, String> others = versions();
        others.remove(denial.id());
        before.remove(denial.id());
        assertEquals(before, others, "the other three are left as they were");
        assertEquals(List.of(denial.id()), database.read(connection -> changedArticles(connection, changes)));
    }

    @Test
    void aNewModifiedDateAloneIsAnUpdate() throws Exception {
        importer().importAll(List.of(fixture()));
        Path edited = Files.writeString(temp.resolve("touched.xml"), Files.readString(fixture())
                .replace("<wp:post_modified_gmt><![CDATA[2024-03-09 12:45:30]]>", "<wp:post_modified_gmt><![CDATA[2024-03-09 13:00:00]]>"));
        ImportReport again = importer().importAll(List.of(edited));
        assertEquals(1, again.updated());
        assertEquals(3, again.unchanged());
        assertEquals(java.time.Instant.parse("2024-03-09T13:00:00Z"), stored(DENIAL).updated());
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
        assertEquals(List.of("Import finished: 1 imported (new), 0 updated, 0 unchanged, 0 skipped, 1 failed.",
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
                export + ": 100 items so far: 0 imported (new), 0 updated, 0 unchanged, 100 skipped (100 draft), 0 failed",
                export + ": 200 items so far: 0 imported (new), 0 updated, 0 unchanged, 200 skipped (200 draft), 0 failed",
                export + ": done, 250 items: 0 imported (new), 0 updated, 0 unchanged, 250 skipped (250 draft), 0 failed"), progress);
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
                export + ": 100 items so far: 100 imported (new), 0 updated, 0 unchanged, 0 skipped, 0 failed",
                export + ": done, 150 items: 149 imported (new), 0 updated, 0 unchanged, 0 skipped, 1 failed"), progress);
        assertEquals(151L, (long) database.read(connection -> {
            try (var count = connection.prepareStatement("SELECT count(*) FROM articles").executeQuery()) {
                count.next();
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
        assertEquals(folder + ": done, 3 files: 2 imported (new), 0 updated, 0 unchanged, 0 skipped, 1 failed", progress.get(0));

        ImportReport second = importer().importFolder(folder, file -> !file.toString().endsWith("broken.json"));
        assertEquals(0, second.imported());
        assertEquals(0, second.updated());
        assertEquals(2, second.unchanged());
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

    /** Each article's id → its modified time, updated date and content, as stored. */
    private Map<Long, String> versions() {
        return database.read(connection -> {
            Map<Long, String> versions = new java.util.TreeMap<>();
            try (var query = connection.prepareStatement("SELECT id, modified_at, updated_at, content FROM articles");
                 var rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getLong(1), rows.getLong(2) + " " + rows.getLong(3) + " " + rows.getString(4));
                }
            }
            return versions;
        });
    }

    /** The articles logged as changed after the change {@code seq}, in order. */
    private static List<Long> changedArticles(java.sql.Connection connection, long seq) throws java.sql.SQLException {
        try (var query = connection.prepareStatement("SELECT article_id FROM changes WHERE seq > ? ORDER BY seq")) {
            query.setLong(1, seq);
            List<Long> ids = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
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
