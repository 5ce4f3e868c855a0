package org.minbar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minbar.model.ArticleDraft;
import org.minbar.model.AuthorDraft;
import org.minbar.model.Problem;
import org.minbar.model.RelatedReference;
import org.minbar.model.TermDraft;

// Covers HtmlArticleReader: three kinds of real-looking pages read field by field, and the pages it must refuse or clean.
class HtmlArticleReaderTest {

    private final HtmlArticleReader reader = new HtmlArticleReader(new HtmlSanitizer(), "https://site.example");

    @Test
    void wordPressNewsPageIsReadFromItsThemeMarkupLeavingTheChromeOut() throws Exception {
        ArticleDraft draft = read(page("wordpress-news.html"), Optional.empty());

        assertEquals(Optional.empty(), draft.guid());
        assertEquals(Optional.of("https://almaydan.example/2024/03/12/%D8%A3%D9%85%D8%B7%D8%A7%D8%B1-%D8%BA%D8%B2%D9%8A%D8%B1%D8%A9"
                + "-%D8%B9%D9%84%D9%89-%D8%B9%D9%85%D8%A7%D9%86/"), draft.url());
        assertEquals("أمطار غزيرة على عمّان وتوقعات بانخفاض درجات الحرارة", draft.title());
        assertEquals(Optional.empty(), draft.summary());
        assertEquals("<p>شهدت العاصمة عمّان ومعظم محافظات المملكة منذ ساعات الفجر الأولى هطولات مطرية غزيرة، رافقتها عواصف رعدية"
                + " ورياح نشطة السرعة، ما أدى إلى تشكّل تجمعات للمياه في عدد من الشوارع الرئيسية.</p>"
                + "<p>وقالت دائرة الأرصاد الجوية إن كميات الأمطار المسجلة في محطة مطار عمّان المدني بلغت 38 مليمترًا خلال اثنتي"
                + " عشرة ساعة، وهي الأعلى منذ بداية الموسم المطري.</p>"
                + "<h2>تحذيرات من السيول</h2>"
                + "<p>وحذّرت الدائرة من خطر تشكّل السيول في الأودية والمناطق المنخفضة، ولا سيما في الأغوار والبادية الشرقية،"
                + " ودعت المواطنين إلى عدم الاقتراب من مجاري السيول.</p>"
                + "<figure><img src=\"https://almaydan.example/wp-content/uploads/2024/03/downtown-flood.jpg\" alt=\"تجمع المياه في شارع"
                + " الملك طلال\"><figcaption>تجمع مياه الأمطار في شارع الملك طلال وسط البلد</figcaption></figure>"
                + "<p>ودعت مديرية الأمن العام السائقين إلى <a href=\"https://almaydan.example/2024/02/20/winter-driving/\">تخفيف"
                + " السرعة</a> وترك مسافات أمان كافية، مؤكدة أن فرق الدفاع المدني تعاملت مع 27 حالة احتجاز داخل المركبات دون"
                + " تسجيل إصابات.</p>", compact(draft.content()));
        assertEquals(List.of(new AuthorDraft("سلمى الخطيب",
                Optional.of("سلمى الخطيب صحفية أردنية تغطي شؤون البيئة والمناخ والمياه منذ عام 2015، وعملت مراسلة ميدانية في محافظات الجنوب."),
                Optional.of("https://almaydan.example/author/salma-alkhatib/"))), draft.authors());
        assertEquals(List.of(term("محليات", "local"), term("طقس", "weather")), draft.categories());
        assertEquals(List.of(term("عمّان", "عمان"), term("أمطار", "امطار"), term("حالة الطقس", "weather-forecast")), draft.tags());
        assertEquals(Optional.of(Instant.parse("2024-03-12T06:30:00Z")), draft.published());
        assertEquals(Optional.of(Instant.parse("2024-03-12T10:05:00Z")), draft.updated());
        assertEquals(Optional.of("https://almaydan.example/wp-content/uploads/2024/03/amman-rain.jpg"), draft.image());
        assertEquals(List.of(
                related("سدود المملكة تستقبل 40 مليون متر مكعب من مياه الأمطار", "https://almaydan.example/2024/03/10/dams-storage/"),
                related("الأرصاد تحذر من منخفض جوي عميق نهاية الأسبوع", "https://almaydan.example/2024/03/08/storm-warning/"),
                related("تعطيل الدوام المدرسي في ست محافظات بسبب الثلوج", "https://almaydan.example/2024/02/27/schools-closed/"),
                related("وزارة المياه: الموسم المطري الحالي يتجاوز المعدل العام", "https://almaydan.example/2024/02/15/water-season/")),
                draft.related());
        assertEquals("ar", draft.language());
        assertEquals(Optional.empty(), draft.slug());
    }

    @Test
    void jsonLdIsTrustedBeforeOpenGraphWhichFillsWhatJsonLdLacks() throws Exception {
        ArticleDraft draft = read(page("jsonld-og.html"), Optional.of("https://elsewhere.example/ignored"));

        String address = "https://nilenews.example/economy/2024/05/23/central-bank-holds-rates/";
        assertEquals(Optional.of(address + "#article"), draft.guid());
        assertEquals(Optional.of(address), draft.url());
        assertEquals("البنك المركزي المصري يثبّت أسعار الفائدة للمرة الثالثة على التوالي", draft.title());
        assertEquals(Optional.of("أبقت لجنة السياسة النقدية سعري عائد الإيداع والإقراض لليلة واحدة دون تغيير عند 27.25% و28.25%."),
                draft.summary());
        assertEquals("<p>قررت لجنة السياسة النقدية بالبنك المركزي المصري في اجتماعها مساء الخميس الإبقاء على سعري عائد الإيداع"
                + " والإقراض لليلة واحدة عند مستوى 27.25% و28.25% على الترتيب.</p>"
                + "<p>وأوضح البنك في بيانه أن معدل <a href=\"https://nilenews.example/economy/inflation/\">التضخم السنوي</a> واصل"
                + " تراجعه للشهر الثالث على التوالي، مسجلًا 32.5% في أبريل مقابل 33.3% في مارس.</p>"
                + "<blockquote><p>«تعكس القرارات تقييم اللجنة لآخر التطورات والتوقعات الاقتصادية منذ اجتماعها السابق».</p></blockquote>"
                + "<p>ويتوقع محللون أن يبدأ البنك دورة خفض تدريجية للفائدة خلال النصف الثاني من العام إذا استمر تباطؤ التضخم.</p>",
                compact(draft.content()));
        assertEquals(List.of(
                new AuthorDraft("منى عبد الرحمن", Optional.of("محررة الشؤون الاقتصادية في النيل نيوز، تتابع السياسة النقدية وأسواق المال."),
                        Optional.of("https://nilenews.example/author/mona-abdelrahman/")),
                new AuthorDraft("كريم حسني", Optional.empty(), Optional.of("https://nilenews.example/author/karim-hosny/"))),
                draft.authors());
        assertEquals(List.of(term("اقتصاد", "اقتصاد"), term("بنوك", "بنوك")), draft.categories());
        assertEquals(List.of(term("البنك المركزي", "البنك-المركزي"), term("أسعار الفائدة", "اسعار-الفائدة"), term("التضخم", "التضخم"),
                term("الجنيه المصري", "الجنيه-المصري")), draft.tags());
        assertEquals(Optional.of(Instant.parse("2024-05-23T15:45:00Z")), draft.published());
        assertEquals(Optional.of(Instant.parse("2024-05-23T17:10:00Z")), draft.updated(), "JSON-LD has no dateModified; OpenGraph's is used");
        assertEquals(Optional.of("https://nilenews.example/uploads/2024/05/central-bank-cairo.jpg"), draft.image());
        assertEquals(List.of(), draft.related());
        assertEquals("ar-EG", draft.language());
        assertEquals(Optional.empty(), draft.slug());
    }

    @Test
    void barePageTakesItsAddressFromTheRequestAndDropsItsMenuAndFooter() throws Exception {
        ArticleDraft draft = read(page("bare.html"), Optional.of("https://janoub.example/news/2024/06/sfax-library"));

        assertEquals(new ArticleDraft(Optional.empty(), Optional.of("https://janoub.example/news/2024/06/sfax-library"),
                "افتتاح مكتبة عمومية جديدة في مدينة صفاقس", Optional.empty(),
                "<p>افتتحت بلدية صفاقس صباح اليوم السبت مكتبة عمومية جديدة بحي الحبيب، بطاقة استيعاب تبلغ مئة وعشرين مقعدًا ورصيد أولي"
                        + " يناهز خمسة عشر ألف كتاب.</p>"
                        + "<p>وتضم المكتبة جناحًا خاصًا بالأطفال وقاعة للمطالعة الرقمية، وستحتضن في الخريف القادم فعاليات"
                        + " <a href=\"https://janoub.example/events/2024/book-fair\">معرض الكتاب الجهوي</a>.</p>"
                        + "<p>وأكد رئيس البلدية أن المكتبة ستفتح أبوابها يوميًا من التاسعة صباحًا إلى السابعة مساءً، باستثناء يوم الأحد.</p>",
                List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), "ar", Optional.empty()),
                withCompactContent(draft));
    }

    @Test
    void seedArticleKeepsEveryParagraphInOrderAndTurnsItsSurroundingsIntoAuthorAndRelatedLinks() throws Exception {
        HtmlSeedArticle seed = HtmlSeedArticle.load();
        ArticleDraft draft = read(page("seed-article.html"), Optional.empty());

        assertEquals(seed.title(), draft.title());
        assertEquals(seed.paragraphsWithout(HtmlSeedArticle.READ_ALSO), paragraphs(draft.content()));
        assertEquals(List.of(new AuthorDraft("نور الدين", Optional.of(seed.bioWithoutReadMore()),
                Optional.of("https://www.defense-arab.example/author/noureddine/"))), draft.authors());
        assertEquals(List.of(
                related(HtmlSeedArticle.READ_ALSO, "https://www.defense-arab.example/2020/01/24/russian-mod-denies-idlib-airstrikes/"),
                related("مصر توقع مذكرات تفاهم مع شركات رومانية في مجال الدفاع والتسلح",
                        "https://www.defense-arab.example/2020/01/29/egypt-romania-defense-mou/"),
                related("باتريوت ضد صواريخ إيران", "https://www.defense-arab.example/2020/01/28/patriot-vs-iran-missiles/")),
                draft.related());
        assertEquals(seed.lastTwoLines(), draft.related().subList(1, 3).stream().map(RelatedReference::title).toList());
        assertEquals(Optional.of(seed.paragraphs().get(0)), draft.summary());
        assertEquals(Optional.of("https://www.defense-arab.example/2020/01/30/russian-military-40-syrian-soldiers-killed-idlib/"), draft.url());
        assertEquals(Optional.of(Instant.parse("2020-01-30T11:10:00Z")), draft.published());
        assertEquals(Optional.empty(), draft.updated());
        assertEquals(List.of(term("أخبار عسكرية", "military-news"), term("سوريا", "syria")), draft.categories());
        assertEquals(List.of(term("إدلب", "ادلب"), term("روسيا", "روسيا")), draft.tags());
        assertEquals(Optional.of("https://www.defense-arab.example/wp-content/uploads/2020/01/idlib-syrian-army.jpg"), draft.image());
        assertEquals(Optional.empty(), draft.guid());
        assertEquals("ar", draft.language());
        String text = draft.content() + "\n" + draft.summary().orElse("");
        for (String chrome : List.of("اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني", "الحقول الإلزامية مشار إليها",
                "Written by", "إقرأ المزيد", "شارك هذا الموضوع", "أحدث المقالات", "جميع الحقوق محفوظة", "الرئيسية")) {
            assertFalse(text.contains(chrome), () -> "content or summary has \"" + chrome + "\"");
        }
    }

    @Test
    void pageWithoutATitleAnywhereHasNothingToExtract() {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> read("""
                <html><body><div class="entry-content"><p>فقرة من خبر لا يحمل عنوانًا في أي مكان من الصفحة.</p></div></body></html>
                """, Optional.empty()));

        assertTrue(e.unprocessable());
        assertEquals(List.of(new Problem("$.title", "no headline found: looked for a JSON-LD headline, og:title, h1.entry-title or"
                + " .post-title, an h1 outside the site header, and <title>")), e.problems());
    }

    @Test
    void pageWithATitleButNoTextHasNothingToExtract() {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> read("""
                <html><head><title>عنوان بلا نص</title></head>
                <body><nav><p><a href="/">الرئيسية</a></p></nav><h1 class="entry-title">عنوان بلا نص</h1>
                <div class="entry-content"><script>render()</script></div><footer><p>جميع الحقوق محفوظة</p></footer></body></html>
                """, Optional.empty()));

        assertTrue(e.unprocessable());
        assertEquals(List.of(new Problem("$.content", "no article text found: looked in .entry-content, .post-content and"
                + " .td-post-content, in the element with the most paragraph text, and in JSON-LD articleBody")), e.problems());
    }

    @Test
    void emptyBodyIsRejected() {
        InvalidArticleException e = assertThrows(InvalidArticleException.class,
                () -> reader.read(" \r\n".getBytes(StandardCharsets.US_ASCII), Optional.empty(), Optional.empty()));

        assertFalse(e.unprocessable());
        assertEquals(List.of(new Problem("$", "is empty: send the article's HTML page")), e.problems());
    }

    @Test
    void binaryBlobIsRejectedAsNotHtml() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> reader.read(png, Optional.empty(), Optional.empty()));

        assertFalse(e.unprocessable());
        assertEquals(List.of(new Problem("$", "is not an HTML page: it holds binary data")), e.problems());
    }

    @Test
    void malformedJsonLdIsIgnoredAndThePageIsReadFromItsOtherSources() throws Exception {
        ArticleDraft draft = read("""
                <html lang="ar"><head>
                <script type="application/ld+json">{"@type": "NewsArticle", "headline": "عنوان من كتلة معطوبة", </script>
                <meta property="og:title" content="تونس تستضيف القمة العربية للشباب">
                <meta property="og:url" content="https://janoub.example/2024/07/youth-summit">
                </head><body><article><p>تستضيف تونس الأسبوع المقبل القمة العربية للشباب بمشاركة وفود من ثماني عشرة دولة.</p></article></body></html>
                """, Optional.empty());

        assertEquals("تونس تستضيف القمة العربية للشباب", draft.title());
        assertEquals(Optional.of("https://janoub.example/2024/07/youth-summit"), draft.url());
        assertEquals("<p>تستضيف تونس الأسبوع المقبل القمة العربية للشباب بمشاركة وفود من ثماني عشرة دولة.</p>", draft.content());
    }

    @Test
    void javascriptLinksAndEventHandlersInTheBodyAreSanitizedAway() throws Exception {
        ArticleDraft draft = read("""
                <html><body><h1 class="entry-title">تحديث تطبيق الخدمات الحكومية</h1><div class="entry-content">
                <p>أطلقت الوزارة <a href="javascript:alert(document.cookie)">النسخة الجديدة</a> من التطبيق
                <span onclick="steal()" onmouseover="track()">مع خدمات إضافية</span>.</p>
                <img src="/uploads/app.png" onerror="steal()" alt="التطبيق">
                </div></body></html>
                """, Optional.of("https://janoub.example/tech/app-update"));

        assertEquals("<p>أطلقت الوزارة <a>النسخة الجديدة</a> من التطبيق <span>مع خدمات إضافية</span>.</p>"
                + "<img src=\"https://janoub.example/uploads/app.png\" alt=\"التطبيق\">", compact(draft.content()));
    }

    @Test
    void pageInWindows1256DeclaredByMetaIsDecoded() throws Exception {
        String html = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
                <title>ارتفاع صادرات التمور الجزائرية</title></head>
                <body><h1>ارتفاع صادرات التمور الجزائرية</h1><p>سجلت صادرات التمور ارتفاعًا بنسبة عشرين بالمئة خلال الموسم الحالي.</p></body></html>
                """;
        byte[] bytes = html.getBytes(Charset.forName("windows-1256"));
        assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("التمور"), "the bytes must not also read as UTF-8");

        ArticleDraft draft = reader.read(bytes, Optional.of("https://janoub.example/dates-exports"), Optional.empty());

        assertEquals("ارتفاع صادرات التمور الجزائرية", draft.title());
        assertEquals("<p>سجلت صادرات التمور ارتفاعًا بنسبة عشرين بالمئة خلال الموسم الحالي.</p>", draft.content());
    }

    private ArticleDraft read(String html, Optional<String> pageUrl) throws InvalidArticleException {
        return reader.read(html.getBytes(StandardCharsets.UTF_8), pageUrl, Optional.empty());
    }

    static String page(String name) throws IOException {
        try (InputStream in = HtmlArticleReaderTest.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) {
                throw new IOException("no test page " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The content without the white space between tags that the page's own indentation left. */
    static String compact(String html) {
        return html.replaceAll(">\\s+<", "><").strip();
    }

    private static ArticleDraft withCompactContent(ArticleDraft d) {
        return new ArticleDraft(d.guid(), d.url(), d.title(), d.summary(), compact(d.content()), d.authors(), d.categories(), d.tags(),
                d.published(), d.updated(), d.image(), d.related(), d.language(), d.slug());
    }

    /** The text of each paragraph of the content, in order. */
    static List<String> paragraphs(String html) {
        return org.jsoup.Jsoup.parseBodyFragment(html).select("p").stream().map(p -> p.text()).toList();
    }

    static TermDraft term(String name, String slug) {
        return new TermDraft(name, Optional.of(slug));
    }

    static RelatedReference related(String title, String url) {
        return new RelatedReference(title, Optional.of(url), Optional.empty());
    }
}
