package org.minbar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.model.ArticleDraft;
import org.minbar.model.AuthorDraft;
import org.minbar.model.Problem;
import org.minbar.model.TermDraft;

// Covers WxrReader: the Arabic fixture read field by field, skips and failures item by item, and the
// exports it refuses (not well-formed, DOCTYPE, not WXR); and that a large export is read as a stream.
class WxrReaderTest {

    private static final String SITE = "https://defense-arab.example";
    private static final String SYRIA = "%d8%b3%d9%88%d8%b1%d9%8a%d8%a7";

    @TempDir
    Path temp;

    @Test
    void readsTheFourPublishedPostsOfTheArabicExportFieldByField() throws Exception {
        List<ArticleDraft> posts = fixture().stream()
                .filter(WxrItem.Post.class::isInstance).map(item -> ((WxrItem.Post) item).draft()).toList();
        assertEquals(4, posts.size());

        ArticleDraft idlib = posts.get(0);
        assertEquals(Optional.of(SITE + "/?p=102"), idlib.guid());
        assertEquals(Optional.of(SITE + "/2024/03/08/%d8%a7%d9%84%d8%ac%d9%8a%d8%b4-%d8%a7%d9%84%d8%b3%d9%88%d8%b1%d9%8a-"
                + "%d9%8a%d8%b3%d8%aa%d8%b9%d9%8a%d8%af-%d9%82%d8%b1%d9%89-%d9%81%d9%8a-%d8%b1%d9%8a%d9%81-%d8%a5%d8%af%d9%84%d8%a8/"),
                idlib.url());
        assertEquals("الجيش السوري يستعيد قرى في ريف إدلب الجنوبي", idlib.title());
        assertTrue(idlib.summary().orElseThrow().startsWith("أعلنت وزارة الدفاع السورية صباح الجمعة"),
                "no excerpt in the export: the draft leaves ingest with the start of its text as summary");
        assertEquals("""
                <p>أعلنت وزارة الدفاع السورية صباح الجمعة أن وحدات الجيش استعادت السيطرة على ثلاث قرى في ريف إدلب الجنوبي بعد اشتباكات استمرت يومين.</p>
                <p>وقال مصدر عسكري إن العملية جاءت ردًا على <strong>انتهاكات متكررة</strong> لوقف إطلاق النار،<br>
                مشيرًا إلى أن القوات تواصل تمشيط المنطقة.</p>
                <p>وتعد إدلب آخر معقل كبير للمعارضة المسلحة في البلاد.</p>""", idlib.content(),
                "bare paragraphs separated by blank lines are wrapped, a single line break becomes <br>");
        assertEquals(List.of(author("نور الدين", "noureddine")), idlib.authors(),
                "the display name, not the login noureddine, which is the slug (WordPress's /author/noureddine/)");
        assertEquals(List.of(term("سوريا", "سوريا")), idlib.categories(), "the percent-encoded nicename, decoded");
        assertEquals(List.of(term("إدلب", "ادلب")), idlib.tags(), "the nicename, normalized like our own slugs");
        assertEquals(Optional.of(Instant.parse("2024-03-08T14:05:00Z")), idlib.published(), "wp:post_date_gmt, not the local +03:00 time");
        assertEquals(Optional.of(Instant.parse("2024-03-08T14:05:00Z")), idlib.updated());
        assertEquals(Optional.empty(), idlib.image());
        assertEquals(List.of(), idlib.related());
        assertEquals("ar", idlib.language());
        assertEquals(Optional.of("الجيش-السوري-يستعيد-قرى-في-ريف-ادلب"), idlib.slug());

        ArticleDraft denial = posts.get(1);
        assertEquals(Optional.of(SITE + "/?p=103"), denial.guid());
        assertEquals("روسيا تنفي استهداف منشآت مدنية في إدلب", denial.title());
        assertEquals(Optional.of("موسكو تنفي تقارير عن غارات على أهداف مدنية في إدلب وتؤكد التزامها بوقف إطلاق النار."), denial.summary(),
                "the excerpt");
        assertEquals("<p>نفى المركز الروسي للمصالحة في سوريا التقارير التي تحدثت عن غارات جوية روسية على منشآت مدنية في منطقة خفض التصعيد.</p>\n"
                + "<p>وقال قائد المركز إن القوات الجوية الروسية لم تنفذ أي طلعات في المنطقة منذ بدء وقف إطلاق النار، وفق <a href=\""
                + idlib.url().orElseThrow() + "\">تقريرنا السابق</a>.</p>", denial.content(),
                "the relative link resolved against the post's own address");
        assertEquals(List.of(author("نور الدين", "noureddine")), denial.authors());
        assertEquals(List.of(term("سوريا", "سوريا")), denial.categories());
        assertEquals(Optional.of(Instant.parse("2024-03-09T10:20:00Z")), denial.published());
        assertEquals(Optional.of(Instant.parse("2024-03-09T12:45:30Z")), denial.updated(), "wp:post_modified_gmt");
        assertEquals(Optional.of("روسيا-تنفي-استهداف-منشات-مدنية-في-ادلب"), denial.slug());

        ArticleDraft s400 = posts.get(2);
        assertEquals(Optional.of(SITE + "/?p=101"), s400.guid());
        assertEquals(Optional.of(SITE + "/2024/03/10/%d8%aa%d8%b1%d9%83%d9%8a%d8%a7-%d8%aa%d8%aa%d8%b3%d9%84%d9%85-"
                + "%d9%85%d9%86%d8%b8%d9%88%d9%85%d8%a9-%d8%a5%d8%b3-400/"), s400.url());
        assertEquals("تركيا تتسلم الدفعة الثانية من منظومة إس-400 الروسية", s400.title());
        assertTrue(s400.summary().orElseThrow().startsWith("أعلنت وزارة الدفاع التركية"), "the start of its text, headings too");
        assertEquals("""
                <p>أعلنت وزارة الدفاع التركية وصول الدفعة الثانية من مكونات منظومة <strong>إس-400</strong> الروسية إلى قاعدة مرتد الجوية قرب أنقرة.</p>
                <h2>ردود الفعل</h2>
                <p>وقالت واشنطن إنها تتابع الأمر عن كثب، فيما أكدت أنقرة أن الصفقة <a href="https://defense-arab.example/tag/%d8%a5%d8%b3-400/">قرار سيادي</a>.</p>""",
                s400.content(), "block editor delimiters removed, the heading's class dropped by the sanitizer");
        assertEquals(List.of(author("سارة المنصوري", "sara-mansouri")), s400.authors(), "sara.mansouri as WordPress's nicename");
        assertEquals(List.of(term("دفاع جوي", "air-defence"), term("تركيا", "تركيا")), s400.categories(),
                "two categories in the export's order, the English nicename kept as the slug");
        assertEquals(List.of(term("إس-400", "اس-400")), s400.tags());
        assertEquals(Optional.of(Instant.parse("2024-03-10T06:30:00Z")), s400.published());
        assertEquals(Optional.of(Instant.parse("2024-03-10T08:00:00Z")), s400.updated());
        assertEquals(Optional.empty(), s400.image(), "featured images (_thumbnail_id) are not imported");
        assertEquals(Optional.of("تركيا-تتسلم-منظومة-اس-400"), s400.slug());

        ArticleDraft patriot = posts.get(3);
        assertEquals(Optional.of(SITE + "/?p=104"), patriot.guid());
        assertEquals("باتريوت في مواجهة الصواريخ الباليستية: ماذا تقول الأرقام؟", patriot.title());
        assertEquals("<p>تعتمد دول الخليج على منظومة باتريوت الأمريكية لاعتراض الصواريخ الباليستية القصيرة والمتوسطة المدى.</p>\n\n"
                + "<p>وتشير الأرقام المعلنة إلى نسب اعتراض مرتفعة، غير أن الخبراء يدعون إلى قراءتها بحذر.</p>", patriot.content(),
                "the YouTube iframe is removed by the sanitizer");
        assertEquals(List.of(author("سارة المنصوري", "sara-mansouri")), patriot.authors());
        assertEquals(List.of(term("دفاع جوي", "air-defence")), patriot.categories());
        assertEquals(List.of(term("باتريوت", "patriot")), patriot.tags());
        assertEquals(Optional.of(Instant.parse("2024-03-11T07:45:00Z")), patriot.published());
        assertEquals(Optional.of("باتريوت-في-مواجهة-الصواريخ"), patriot.slug());
    }

    @Test
    void thePageTheDraftAndTheAttachmentAreSkippedWithTheirReasons() throws Exception {
        List<WxrItem> items = fixture();
        assertEquals(7, items.size());
        assertEquals(List.of(
                        new WxrItem.Skipped(99, "من نحن", "page"),
                        new WxrItem.Skipped(250, "مسودة: صفقة مقاتلات جديدة", "draft"),
                        new WxrItem.Skipped(275, "s400-delivery", "attachment")),
                items.stream().filter(WxrItem.Skipped.class::isInstance).toList());
        assertEquals(List.of(129, 178, 209, 304),
                items.stream().filter(WxrItem.Post.class::isInstance).map(WxrItem::line).toList());
    }

    @Test
    void privatePendingAndPasswordProtectedPostsAndMenuItemsAreSkipped() throws Exception {
        List<WxrItem> items = read(export(
                item("1", "خاص", "<wp:status>private</wp:status><wp:post_type>post</wp:post_type>"),
                item("2", "قيد المراجعة", "<wp:status>pending</wp:status><wp:post_type>post</wp:post_type>"),
                item("3", "محمي", "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                        + "<wp:post_password><![CDATA[secret]]></wp:post_password>"),
                item("4", "الرئيسية", "<wp:status>publish</wp:status><wp:post_type>nav_menu_item</wp:post_type>")));
        assertEquals(List.of("private", "pending", "password-protected", "nav_menu_item"),
                items.stream().map(item -> ((WxrItem.Skipped) item).reason()).toList());
    }

    @Test
    void anItemWithAnEmptyTitleFailsWithItsProblemsAndTheFollowingItemsStillComeThrough() throws Exception {
        List<WxrItem> items = read(export(
                published("1", "الخبر الأول", "2024-03-01 08:00:00"),
                published("2", "  ", "2024-03-02 08:00:00"),
                published("3", "الخبر الثالث", "not a date"),
                published("4", "الخبر الرابع", "2024-03-04 08:00:00")));
        assertEquals(4, items.size());
        assertEquals("الخبر الأول", assertInstanceOf(WxrItem.Post.class, items.get(0)).draft().title());

        WxrItem.Failed untitled = assertInstanceOf(WxrItem.Failed.class, items.get(1));
        assertEquals("", untitled.title());
        assertEquals(SITE + "/?p=2", untitled.guid());
        assertEquals(List.of(new Problem("title", "is required and must contain text")), untitled.problems().problems());

        WxrItem.Failed undated = assertInstanceOf(WxrItem.Failed.class, items.get(2));
        assertEquals("الخبر الثالث", undated.title());
        assertEquals(List.of(new Problem("wp:post_date_gmt", "must be a date and time such as 2024-03-10 06:30:00 (got \"not a date\")")),
                undated.problems().problems());

        assertEquals("الخبر الرابع", assertInstanceOf(WxrItem.Post.class, items.get(3)).draft().title());
    }

    @Test
    void aZeroGmtDateFallsBackToTheLocalDateReadAsUtcAndAModifiedDateBeforePublishingIsDropped() throws Exception {
        String scheduled = published("1", "خبر مجدول", "0000-00-00 00:00:00")
                .replace("<wp:post_date>0000-00-00 00:00:00</wp:post_date>", "<wp:post_date>2024-03-05 12:00:00</wp:post_date>")
                .replace("<wp:post_modified_gmt>2024-03-20 10:00:00</wp:post_modified_gmt>",
                        "<wp:post_modified_gmt>2024-03-01 10:00:00</wp:post_modified_gmt>");
        String undated = published("2", "خبر بلا تاريخ", "0000-00-00 00:00:00")
                .replace("<wp:post_modified_gmt>2024-03-20 10:00:00</wp:post_modified_gmt>", "");
        List<WxrItem> items = read(export(scheduled, undated));
        ArticleDraft first = assertInstanceOf(WxrItem.Post.class, items.get(0)).draft();
        assertEquals(Optional.of(Instant.parse("2024-03-05T12:00:00Z")), first.published());
        assertEquals(Optional.empty(), first.updated());
        ArticleDraft second = assertInstanceOf(WxrItem.Post.class, items.get(1)).draft();
        assertEquals(Optional.empty(), second.published(), "the service will date it when it is stored");
    }

    @Test
    void olderExportsWithoutNicenamesTakeSlugsFromTheChannelsTermsAndUnknownLoginsStayAsTheyAre() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.0/"
                     xmlns:excerpt="http://wordpress.org/export/1.0/excerpt/">
                <channel>
                  <language>ar-SY</language>
                  <wp:wxr_version>1.0</wp:wxr_version>
                  <wp:category><wp:category_nicename>%s</wp:category_nicename><wp:cat_name><![CDATA[سوريا]]></wp:cat_name></wp:category>
                  <wp:tag><wp:tag_slug>aleppo</wp:tag_slug><wp:tag_name><![CDATA[حلب]]></wp:tag_name></wp:tag>
                  <item>
                    <title>خبر قديم</title>
                    <link>https://old.example/?p=5</link>
                    <dc:creator>admin</dc:creator>
                    <guid isPermaLink="false">https://old.example/?p=5</guid>
                    <content:encoded><![CDATA[سطر أول]]></content:encoded>
                    <excerpt:encoded><![CDATA[ملخص قديم]]></excerpt:encoded>
                    <wp:post_date>2010-05-01 10:00:00</wp:post_date>
                    <wp:post_date_gmt>2010-05-01 07:00:00</wp:post_date_gmt>
                    <wp:status>publish</wp:status>
                    <wp:post_type>post</wp:post_type>
                    <category><![CDATA[سوريا]]></category>
                    <category domain="category" nicename="%s"><![CDATA[سوريا]]></category>
                    <category domain="tag"><![CDATA[حلب]]></category>
                    <category domain="post_tag"><![CDATA[حلب]]></category>
                    <category domain="post_format" nicename="post-format-video"><![CDATA[Video]]></category>
                  </item>
                </channel>
                </rss>
                """.formatted(SYRIA, SYRIA);
        ArticleDraft draft = assertInstanceOf(WxrItem.Post.class, read(xml).get(0)).draft();
        assertEquals(List.of(term("سوريا", "سوريا")), draft.categories(), "the same category twice is kept once");
        assertEquals(List.of(term("حلب", "aleppo")), draft.tags());
        assertEquals(List.of(author("admin", "admin")), draft.authors(), "an unknown login stays the name");
        assertEquals(Optional.of("ملخص قديم"), draft.summary());
        assertEquals("<p>سطر أول</p>", draft.content());
        assertEquals("ar-SY", draft.language());
        assertEquals(Optional.of(Instant.parse("2010-05-01T07:00:00Z")), draft.published());
    }

    @Test
    void xmlThatIsNotWellFormedStopsReadingWithTheLineWhereItBroke() throws Exception {
        String xml = export(published("1", "الخبر الأول", "2024-03-01 08:00:00"),
                "<item>\n<title>خبر مكسور</titel>\n</item>");
        int line = (int) xml.lines().takeWhile(l -> !l.contains("</titel>")).count() + 1;
        try (InputStream input = stream(xml); WxrReader reader = WxrReader.open(input)) {
            assertInstanceOf(WxrItem.Post.class, reader.next().orElseThrow(), "the items before the break are read");
            WxrException e = assertThrows(WxrException.class, reader::next);
            assertEquals(line, e.line());
            assertTrue(e.getMessage().startsWith("line " + line + ", column "), e.getMessage());
            assertTrue(e.getMessage().contains("not well-formed XML: The element type \"title\" must be terminated by the matching end-tag"),
                    e.getMessage());
        }
    }

    @Test
    void aDoctypeIsRefusedAndItsExternalEntityNeverRead() throws Exception {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "SECRET-CONTENTS");
        String internal = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
                <item><title>&xxe;</title><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>
                """.formatted(secret.toUri());
        String external = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">
                <rss version="2.0"><channel></channel></rss>
                """;
        for (String xml : List.of(internal, external)) {
            WxrException e = assertThrows(WxrException.class, () -> read(xml));
            assertTrue(e.getMessage().startsWith("line 2, column "), e.getMessage());
            assertTrue(e.getMessage().endsWith("has a DOCTYPE; WordPress exports have none, and DTDs and entities are not read"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("SECRET"));
        }
        assertEquals(Optional.empty(), WxrReader.rootElement(stream(internal)));
    }

    @Test
    void documentsThatAreNotWordPressExportsAreRefused() {
        WxrException atom = assertThrows(WxrException.class,
                () -> read("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>"));
        assertEquals("line 1, column 43: not a WordPress export: the root element is <feed>, not <rss>", atom.getMessage());

        WxrException rss = assertThrows(WxrException.class,
                () -> read("<rss version=\"2.0\"><channel><title>x</title>\n<item><title>y</title></item></channel></rss>"));
        assertTrue(rss.getMessage().startsWith("line 2, column "), rss.getMessage());
        assertTrue(rss.getMessage().endsWith("not a WordPress export: no wp:wxr_version before the first <item>"), rss.getMessage());

        assertEquals(Optional.of("entry"), WxrReader.rootElement(stream("<entry xmlns=\"http://www.w3.org/2005/Atom\"/>")));
    }

    @Test
    void paragraphsAreWrappedAsWordPressDisplaysThem() {
        assertEquals("<p>سطر</p>", WxrParagraphs.wrap("سطر"));
        assertEquals("<p>أول<br />\nثان</p>\n<p><a\nhref=\"x\">ثالث</a></p>", WxrParagraphs.wrap("أول\r\nثان\n \n\n<a\nhref=\"x\">ثالث</a>"),
                "line breaks inside a tag stay as they are");
        assertEquals("<h2>عنوان</h2>\n<p>نص</p>\n<ul><li>بند</li></ul>",
                WxrParagraphs.wrap("<h2>عنوان</h2>\n\nنص\n\n<ul><li>بند</li></ul>"));
        assertEquals("<p>قبل</p>\n<pre>سطر\n\nسطر</pre>\n<p>بعد</p>", WxrParagraphs.wrap("قبل\n\n<pre>سطر\n\nسطر</pre>\n\nبعد"));
        assertEquals("<p>فقرة</p>\n<p>أخرى</p>", WxrParagraphs.wrap(
                "<!-- wp:paragraph {\"align\":\"right\"} -->\n<p>فقرة</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>أخرى</p>\n<!-- /wp:paragraph -->"));
    }

    /** About 40 MB and 20,000 items, read through without storing anything: memory holds one item at a time. */
    @Test
    void aLargeExportIsReadAsAStreamOneItemAtATime() throws Exception {
        Path file = temp.resolve("large-export.xml");
        String paragraph = "أعلنت وزارة الدفاع وصول الدفعة الثانية من المنظومة إلى القاعدة الجوية قرب العاصمة، وقالت إن التدريبات ستبدأ قريبًا. ";
        String content = ("<p>" + paragraph.repeat(2) + "</p>\n").repeat(3);
        int items = 20_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(export());
            out.write("<!-- items -->\n");
            for (int i = 1; i <= items; i++) {
                String item = published(Integer.toString(i), "خبر رقم " + i, "2024-03-01 08:00:00")
                        .replace("<![CDATA[<p>نص الخبر.</p>]]>", "<![CDATA[" + content + "]]>");
                out.write(i % 10 == 0 ? item.replace("<wp:status>publish</wp:status>", "<wp:status>draft</wp:status>") : item);
            }
            out.write("</channel></rss>\n");
        }
        assertTrue(Files.size(file) > 35_000_000, String.format(Locale.ROOT, "%,d bytes", Files.size(file)));

        int posts = 0;
        int skipped = 0;
        try (InputStream input = Files.newInputStream(file); WxrReader reader = WxrReader.open(input)) {
            for (Optional<WxrItem> item = reader.next(); item.isPresent(); item = reader.next()) {
                if (item.get() instanceof WxrItem.Post) {
                    posts++;
                } else {
                    skipped++;
                }
            }
        }
        assertEquals(18_000, posts);
        assertEquals(2_000, skipped);
    }

    private static List<WxrItem> fixture() throws IOException, WxrException {
        try (InputStream input = WxrReaderTest.class.getResourceAsStream("/wxr/arabic-export.xml")) {
            return read(input);
        }
    }

    static List<WxrItem> read(String xml) throws IOException, WxrException {
        try (InputStream input = stream(xml)) {
            return read(input);
        }
    }

    private static List<WxrItem> read(InputStream input) throws WxrException {
        List<WxrItem> items = new ArrayList<>();
        try (WxrReader reader = WxrReader.open(input)) {
            for (Optional<WxrItem> item = reader.next(); item.isPresent(); item = reader.next()) {
                items.add(item.get());
            }
        }
        return items;
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A WXR 1.2 document with one author and the given items; with no items, its head only. */
    static String export(String... items) {
        String head = """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                  <title>الدفاع العربي</title>
                  <link>https://defense-arab.example</link>
                  <language>ar</language>
                  <wp:wxr_version>1.2</wp:wxr_version>
                  <wp:base_blog_url>https://defense-arab.example</wp:base_blog_url>
                  <wp:author><wp:author_login><![CDATA[noureddine]]></wp:author_login><wp:author_display_name><![CDATA[نور الدين]]></wp:author_display_name></wp:author>
                """;
        return items.length == 0 ? head : head + String.join("\n", items) + "\n</channel>\n</rss>\n";
    }

    /** A published post dated (GMT) as given, in the category سوريا. */
    static String published(String id, String title, String dateGmt) {
        return item(id, title, """
                <wp:post_date>%s</wp:post_date>
                <wp:post_date_gmt>%s</wp:post_date_gmt>
                <wp:post_modified_gmt>2024-03-20 10:00:00</wp:post_modified_gmt>
                <wp:status>publish</wp:status>
                <wp:post_type>post</wp:post_type>
                <category domain="category" nicename="%s"><![CDATA[سوريا]]></category>""".formatted(dateGmt, dateGmt, SYRIA));
    }

    static String item(String id, String title, String wp) {
        return """
                <item>
                <title><![CDATA[%s]]></title>
                <link>https://defense-arab.example/?p=%s</link>
                <dc:creator><![CDATA[noureddine]]></dc:creator>
                <guid isPermaLink="false">https://defense-arab.example/?p=%s</guid>
                <content:encoded><![CDATA[<p>نص الخبر.</p>]]></content:encoded>
                <excerpt:encoded><![CDATA[]]></excerpt:encoded>
                <wp:post_name><![CDATA[post-%s]]></wp:post_name>
                %s
                </item>""".formatted(title, id, id, id, wp);
    }

    /** An author as a completed draft carries them: with the slug of their name. */
    private static AuthorDraft author(String name, String slug) {
        return new AuthorDraft(name, Optional.empty(), Optional.empty(), Optional.of(slug));
    }

    private static TermDraft term(String name, String slug) {
        return new TermDraft(name, Optional.of(slug));
    }
}
