package org.minbar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.minbar.ingest.HtmlArticleReaderTest.compact;
import static org.minbar.ingest.HtmlArticleReaderTest.related;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minbar.model.ArticleDraft;

// Covers what HtmlArticleReader leaves out of an article's text, and what it turns into related links instead.
class HtmlPageCleanupTest {

    private static final String PAGE = "https://janoub.example/2024/08/port-expansion";

    private final HtmlArticleReader reader = new HtmlArticleReader(new HtmlSanitizer(), "https://site.example");

    @Test
    void commentFormBoilerplateOutsideAnyCommentsSectionIsDropped() throws Exception {
        ArticleDraft draft = read("""
                <h1>توسعة ميناء رادس التجاري</h1>
                <p>انطلقت أشغال توسعة ميناء رادس التجاري لرفع طاقة استيعابه إلى مليون حاوية سنويًا بحلول عام 2027.</p>
                <p>وتشمل الأشغال إنشاء رصيف جديد بطول ستمئة متر وتعميق الحوض إلى أربعة عشر مترًا.</p>
                <h3>اترك تعليقاً</h3>
                <p>لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *</p>
                <p>Leave a Reply. Your email address will not be published.</p>
                """);

        assertEquals("<p>انطلقت أشغال توسعة ميناء رادس التجاري لرفع طاقة استيعابه إلى مليون حاوية سنويًا بحلول عام 2027.</p>"
                + "<p>وتشمل الأشغال إنشاء رصيف جديد بطول ستمئة متر وتعميق الحوض إلى أربعة عشر مترًا.</p>", compact(draft.content()));
    }

    @Test
    void paragraphThatOnlyMentionsCommentsIsKept() throws Exception {
        ArticleDraft draft = read("""
                <h1>توسعة ميناء رادس التجاري</h1>
                <p>ودعت الوزارة المواطنين إلى أن يضيفوا تعليقاتهم على المشروع عبر البوابة الوطنية، وقالت إنها ستنشر ملخصًا للآراء.</p>
                <p>أضف تعليقك على المشروع قبل نهاية الشهر عبر موقع الوزارة، حيث ستُعرض الآراء على لجنة المتابعة الجهوية.</p>
                """);

        assertEquals(2, HtmlArticleReaderTest.paragraphs(draft.content()).size(), draft.content());
    }

    @Test
    void shareButtonsAndAdsAreJudgedByWholeNamePartsSoLookalikesStay() throws Exception {
        ArticleDraft draft = read("""
                <h1 class="entry-title">توسعة ميناء رادس التجاري</h1>
                <article class="post category-ads tag-social-media">
                <div class="entry-content">
                <p>انطلقت أشغال توسعة ميناء رادس التجاري.</p>
                <div id="ad-top" class="banner">إعلان ممول</div>
                <div class="post-share"><a href="https://facebook.com/sharer">شارك على فيسبوك</a> <a href="https://x.com/share">X</a></div>
                <div class="advertisement"><p>مساحة إعلانية</p></div>
                <div class="read-more-box"><p>وتبلغ كلفة المشروع ثلاثمئة مليون دينار.</p></div>
                <div id="head-note"><p>ويموّل البنك الأوروبي للاستثمار جزءًا منه.</p></div>
                <div class="download-links"><p>وستُنشر الدراسة الفنية كاملة على موقع الوزارة.</p></div>
                </div></article>
                """);

        assertEquals("<p>انطلقت أشغال توسعة ميناء رادس التجاري.</p>"
                + "<div><p>وتبلغ كلفة المشروع ثلاثمئة مليون دينار.</p></div>"
                + "<div><p>ويموّل البنك الأوروبي للاستثمار جزءًا منه.</p></div>"
                + "<div><p>وستُنشر الدراسة الفنية كاملة على موقع الوزارة.</p></div>", compact(draft.content()));
    }

    @Test
    void readAlsoLinesLeaveTheBodyAndBecomeRelatedLinksInReadingOrder() throws Exception {
        ArticleDraft draft = read("""
                <h1 class="entry-title">توسعة ميناء رادس التجاري</h1>
                <div class="entry-content">
                <p>انطلقت أشغال توسعة ميناء رادس التجاري.</p>
                <p><strong>إقرأ أيضاً:</strong> <a href="/2024/07/sfax-port">ميناء صفاقس يستقبل أكبر سفينة حاويات</a></p>
                <p>وتشمل الأشغال إنشاء رصيف جديد.</p>
                <div><a href="https://other.example/ports-report">تقرير: الموانئ التونسية في أرقام</a></div>
                <p>اقرأ ايضا: ملف الموانئ</p>
                <p>وسيُفتح الرصيف أمام السفن في 2027، وفق <a href="/ministry">وزارة النقل</a>.</p>
                </div>
                """);

        assertEquals("<p>انطلقت أشغال توسعة ميناء رادس التجاري.</p><p>وتشمل الأشغال إنشاء رصيف جديد.</p>"
                + "<p>وسيُفتح الرصيف أمام السفن في 2027، وفق <a href=\"https://janoub.example/ministry\">وزارة النقل</a>.</p>",
                compact(draft.content()));
        assertEquals(List.of(related("ميناء صفاقس يستقبل أكبر سفينة حاويات", "https://janoub.example/2024/07/sfax-port"),
                related("تقرير: الموانئ التونسية في أرقام", "https://other.example/ports-report")), draft.related());
    }

    @Test
    void wrapperWhoseFirstLineIsAReadAlsoKeepsTheRestOfTheArticle() throws Exception {
        ArticleDraft draft = read("""
                <h1 class="entry-title">توسعة ميناء رادس التجاري</h1>
                <div class="entry-content"><div class="inner">
                <p>اقرأ أيضا: <a href="/2024/07/sfax-port">ميناء صفاقس يستقبل أكبر سفينة حاويات</a></p>
                <p>انطلقت أشغال توسعة ميناء رادس التجاري لرفع طاقة استيعابه إلى مليون حاوية سنويًا.</p>
                </div></div>
                """);

        assertEquals("<div><p>انطلقت أشغال توسعة ميناء رادس التجاري لرفع طاقة استيعابه إلى مليون حاوية سنويًا.</p></div>",
                compact(draft.content()));
        assertEquals(List.of(related("ميناء صفاقس يستقبل أكبر سفينة حاويات", "https://janoub.example/2024/07/sfax-port")), draft.related());
    }

    @Test
    void wordPressEmbedOfAnotherPostBecomesARelatedLink() throws Exception {
        ArticleDraft draft = read("""
                <h1 class="entry-title">توسعة ميناء رادس التجاري</h1>
                <div class="entry-content">
                <p>انطلقت أشغال توسعة ميناء رادس التجاري.</p>
                <blockquote class="wp-embedded-content" data-secret="x"><a href="/2024/07/sfax-port">ميناء صفاقس يستقبل أكبر سفينة حاويات</a></blockquote>
                <iframe class="wp-embedded-content" src="/2024/07/sfax-port/embed/#?secret=x" title="ميناء صفاقس"></iframe>
                </div>
                """);

        assertEquals("<p>انطلقت أشغال توسعة ميناء رادس التجاري.</p>", compact(draft.content()));
        assertEquals(List.of(related("ميناء صفاقس يستقبل أكبر سفينة حاويات", "https://janoub.example/2024/07/sfax-port")), draft.related());
    }

    @Test
    void lazyLoadedImageGetsItsRealAddress() throws Exception {
        ArticleDraft draft = read("""
                <h1 class="entry-title">توسعة ميناء رادس التجاري</h1>
                <div class="entry-content">
                <p>انطلقت أشغال توسعة ميناء رادس التجاري.</p>
                <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-lazy-src="/uploads/2024/08/rades.jpg" alt="ميناء رادس"></figure>
                </div>
                """);

        assertEquals("<p>انطلقت أشغال توسعة ميناء رادس التجاري.</p>"
                + "<figure><img src=\"https://janoub.example/uploads/2024/08/rades.jpg\" alt=\"ميناء رادس\"></figure>", compact(draft.content()));
    }

    @Test
    void headingOverAListOfLinksIsARelatedBlockNotArticleText() throws Exception {
        ArticleDraft draft = read("""
                <h1>توسعة ميناء رادس التجاري</h1>
                <p>انطلقت أشغال توسعة ميناء رادس التجاري لرفع طاقة استيعابه إلى مليون حاوية سنويًا.</p>
                <p>وتشمل الأشغال إنشاء رصيف جديد بطول ستمئة متر.</p>
                <h3>أخبار ذات صلة:</h3>
                <ul>
                  <li><a href="/2024/07/sfax-port">ميناء صفاقس يستقبل أكبر سفينة حاويات</a></li>
                  <li><a href="/2024/06/bizerte-port">بنزرت: صفقة لتحديث معدات الشحن</a></li>
                  <li><a href="javascript:void(0)">المزيد</a></li>
                </ul>
                """);

        assertEquals("<p>انطلقت أشغال توسعة ميناء رادس التجاري لرفع طاقة استيعابه إلى مليون حاوية سنويًا.</p>"
                + "<p>وتشمل الأشغال إنشاء رصيف جديد بطول ستمئة متر.</p>", compact(draft.content()));
        assertEquals(List.of(related("ميناء صفاقس يستقبل أكبر سفينة حاويات", "https://janoub.example/2024/07/sfax-port"),
                related("بنزرت: صفقة لتحديث معدات الشحن", "https://janoub.example/2024/06/bizerte-port")), draft.related());
    }

    @Test
    void blockOfLinkedParagraphsIsNotTakenForTheArticleEvenWithMoreText() throws Exception {
        ArticleDraft draft = read("""
                <h1>توسعة ميناء رادس التجاري</h1>
                <div><p>انطلقت أشغال توسعة ميناء رادس التجاري لرفع طاقته إلى مليون حاوية.</p><p>وتشمل الأشغال رصيفًا جديدًا.</p></div>
                <div class="more-news">
                <p><a href="/a">وزير النقل يتفقد أشغال الطريق السيارة بين صفاقس وقابس ويعلن موعد افتتاحها</a> (صور)</p>
                <p><a href="/b">الخطوط التونسية تستلم طائرة جديدة من طراز إيرباص وتعلن عن خطوط نحو أفريقيا</a> (فيديو)</p>
                </div>
                """);

        assertEquals("<p>انطلقت أشغال توسعة ميناء رادس التجاري لرفع طاقته إلى مليون حاوية.</p><p>وتشمل الأشغال رصيفًا جديدًا.</p>",
                compact(draft.content()));
    }

    @Test
    void relatedLinksAreKeptOnceEachNeverToTheArticleItselfAndAtMostTwenty() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            items.append("<li><h4><a href=\"/2024/07/story-").append(i).append("\">خبر رقم ").append(i).append("</a></h4></li>");
        }
        ArticleDraft draft = read("""
                <h1 class="entry-title">توسعة ميناء رادس التجاري</h1>
                <div class="entry-content"><p>انطلقت أشغال توسعة ميناء رادس التجاري.</p></div>
                <div class="yarpp-related"><ol>
                <li><h4><a href="%s">توسعة ميناء رادس التجاري</a></h4></li>
                <li><h4><a href="/2024/07/story-1">خبر رقم 1</a></h4></li>
                %s</ol></div>
                """.formatted(PAGE, items));

        assertEquals(20, draft.related().size());
        assertEquals(related("خبر رقم 1", "https://janoub.example/2024/07/story-1"), draft.related().get(0));
        assertEquals(related("خبر رقم 20", "https://janoub.example/2024/07/story-20"), draft.related().get(19));
    }

    private ArticleDraft read(String body) throws InvalidArticleException {
        String html = "<!DOCTYPE html><html lang=\"ar\"><head><title>ميناء</title></head><body>"
                + "<header><nav><a href=\"/\">الرئيسية</a></nav></header>" + body + "<footer><p>جميع الحقوق محفوظة</p></footer></body></html>";
        return reader.read(html.getBytes(StandardCharsets.UTF_8), Optional.of(PAGE), Optional.empty());
    }
}
