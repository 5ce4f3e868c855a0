package org.minbar.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.minbar.model.Article;
import org.minbar.model.RelatedLink;
import org.xml.sax.InputSource;

// Covers ItemHtml.of: the direction/language wrapper, the lead image, the related stories list and truncation to a text budget.
class ItemHtmlTest {

    private static final String LINK = "https://news.example/2020/01/30/%D8%A7%D8%AF%D9%84%D8%A8/";
    private static final String IMAGE = "https://img.example/idlib.jpg";
    private static final int LARGE = 12_000;

    @Test
    void wrapsArabicContentInARightToLeftArabicDiv() {
        String html = ItemHtml.of(item(article("<p>نص الخبر</p>", Optional.empty(), "ar"), List.of()), LARGE);
        assertEquals("<div dir=\"rtl\" lang=\"ar\"><p>نص الخبر</p></div>", html);
    }

    @Test
    void wrapsOtherLanguagesWithTheirOwnDirection() {
        assertEquals("<div dir=\"ltr\" lang=\"en-GB\"><p>text</p></div>",
                ItemHtml.of(item(article("<p>text</p>", Optional.empty(), "en-GB"), List.of()), LARGE));
        assertEquals("<div dir=\"rtl\" lang=\"ar-EG\"><p>نص</p></div>",
                ItemHtml.of(item(article("<p>نص</p>", Optional.empty(), "ar-EG"), List.of()), LARGE));
    }

    @Test
    void addsTheLeadImageFirstWhenTheContentDoesNotShowIt() {
        String html = ItemHtml.of(item(article("<p>نص</p>", Optional.of(IMAGE), "ar"), List.of()), LARGE);
        assertEquals("<div dir=\"rtl\" lang=\"ar\"><figure><img src=\"" + IMAGE + "\" alt=\"هجوم على إدلب\"></figure>"
                + "<p>نص</p></div>", html);
    }

    @Test
    void doesNotRepeatTheLeadImageWhenTheContentAlreadyShowsIt() {
        String content = "<p>نص</p><figure><img src=\"" + IMAGE + "\" alt=\"صورة\"></figure>";
        String html = ItemHtml.of(item(article(content, Optional.of(IMAGE), "ar"), List.of()), LARGE);
        assertEquals("<div dir=\"rtl\" lang=\"ar\">" + content + "</div>", html);
        assertEquals(1, Jsoup.parseBodyFragment(html).select("img").size());
    }

    @Test
    void recognizesTheLeadImageInContentWhetherItsAddressIsEncodedOrNot() {
        // What JsonArticleReader stores for "image" and "content" when both name https://img.example/صور/إدلب.jpg.
        String image = "https://img.example/%D8%B5%D9%88%D8%B1/%D8%A5%D8%AF%D9%84%D8%A8.jpg";
        String content = "<figure><img src=\"https://img.example/صور/إدلب.jpg\"></figure><p>نص</p>";
        String html = ItemHtml.of(item(article(content, Optional.of(image), "ar"), List.of()), LARGE);
        assertEquals(1, Jsoup.parseBodyFragment(html).select("img").size(), html);
    }

    @Test
    void listsRelatedStoriesUnderTheArabicHeading() {
        String html = ItemHtml.of(item(article("<p>نص</p>", Optional.empty(), "ar"), List.of(
                new RelatedLink("روسيا تنفي الغارات", "https://news.example/a"),
                new RelatedLink("تعزيزات تركية & دعم", "https://other.example/b?x=1&y=2"))), LARGE);
        assertEquals("<div dir=\"rtl\" lang=\"ar\"><p>نص</p><h3>أخبار ذات صلة</h3><ul>"
                + "<li><a href=\"https://news.example/a\">روسيا تنفي الغارات</a></li>"
                + "<li><a href=\"https://other.example/b?x=1&amp;y=2\">تعزيزات تركية &amp; دعم</a></li>"
                + "</ul></div>", html);
    }

    @Test
    void noRelatedStoriesMeansNoHeading() {
        String html = ItemHtml.of(item(article("<p>نص</p>", Optional.empty(), "ar"), List.of()), LARGE);
        assertFalse(html.contains(ItemHtml.RELATED_HEADING));
    }

    @Test
    void contentWithinTheBudgetIsNotCut() {
        String content = "<p>" + "كلمة ".repeat(20).strip() + "</p>";
        String html = ItemHtml.of(item(article(content, Optional.empty(), "ar"), List.of()), 99);
        assertFalse(html.contains(ItemHtml.READ_MORE), html);
        assertEquals("<div dir=\"rtl\" lang=\"ar\">" + content + "</div>", html);
    }

    @Test
    void longContentIsCutAtAWordWithAReadMoreLink() {
        String content = "<p>الفقرة الأولى من الخبر</p><p>الفقرة <b>الثانية</b> من الخبر</p><p>الفقرة الثالثة</p>";
        String html = ItemHtml.of(item(article(content, Optional.empty(), "ar"), List.of()), 30);
        // 22 characters of the first paragraph, then "الفقرة " (7) leaves 1: the next text is cut at its last space.
        assertEquals("<div dir=\"rtl\" lang=\"ar\"><p>الفقرة الأولى من الخبر</p><p>الفقرة <b>ا …</b></p>"
                + "<p><a href=\"" + LINK + "\">تابع القراءة …</a></p></div>", html);
    }

    @Test
    void truncatedHtmlStaysWellFormedAndWithinTheBudget() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            content.append("<p>فقرة رقم ").append(i).append(" <a href=\"https://news.example/").append(i)
                    .append("\">رابط <em>مهم</em></a> وبعدها نص <blockquote>اقتباس</blockquote></p>");
        }
        String html = ItemHtml.of(item(article(content.toString(), Optional.of(IMAGE), "ar"),
                List.of(new RelatedLink("خبر", "https://news.example/r"))), 500);

        // Well-formed: a strict XML parser reads it back once the one void element, the lead <img>, is self-closed.
        org.w3c.dom.Element root = parseXml(html.replace("\"></figure>", "\"/></figure>"));
        assertEquals("div", root.getTagName());
        assertEquals("rtl", root.getAttribute("dir"));
        Element body = Jsoup.parseBodyFragment(html).body().child(0);
        Element readMore = body.select("p > a[href=" + LINK + "]").first();
        assertEquals("تابع القراءة …", readMore.text());
        assertEquals("أخبار ذات صلة", body.select("h3").text());
        body.select("h3, ul").remove();
        readMore.parent().remove();
        int text = body.text().length();
        assertTrue(text <= 500 + 2 + 200, "text length " + text); // budget, the " …" marker, spaces between blocks
        assertTrue(html.length() < content.length() / 10, "html length " + html.length());
    }

    @Test
    void truncateReportsWhetherAnythingWasCut() {
        Element whole = body("<p>واحد اثنان</p>");
        assertFalse(ItemHtml.truncate(whole, 10));
        assertEquals("<p>واحد اثنان</p>", whole.html());

        Element cut = body("<p>واحد اثنان</p><p>ثلاثة</p>");
        assertTrue(ItemHtml.truncate(cut, 10));
        assertEquals("<p>واحد اثنان</p>", cut.html());
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        // One character of budget is left when the next text starts with an emoji (two UTF-16 units) and has no
        // space to cut at: the output must not carry half of the emoji, which XML cannot represent.
        String html = ItemHtml.of(item(article("<p>واحد</p><p>🔴عاجل: خبر</p>", Optional.empty(), "ar"), List.of()), 5);
        assertTrue(html.codePoints().noneMatch(cp -> Character.isSurrogate((char) cp) && cp <= 0xFFFF),
                "lone surrogate in " + html.chars().mapToObj(Integer::toHexString).toList());
    }

    private static org.w3c.dom.Element parseXml(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }

    private static Element body(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        body.ownerDocument().outputSettings().prettyPrint(false);
        return body;
    }

    private static FeedItem item(Article article, List<RelatedLink> related) {
        return new FeedItem(article, LINK, related);
    }

    private static Article article(String content, Optional<String> image, String language) {
        Instant published = Instant.parse("2020-01-30T11:10:00Z");
        return new Article(1, "urn:minbar:test:1", Optional.empty(), Optional.empty(), "2020/01/30/ادلب",
                "هجوم على إدلب", "ملخص", content, List.of(), List.of(), List.of(), published, published, image,
                List.of(), language, published, published, Optional.empty());
    }
}
