package org.minbar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

// Covers HtmlSanitizer: what publisher HTML loses (scripts, handlers, unsafe links, frames, styles), what it keeps, link resolution and text extraction.
class HtmlSanitizerTest {

    private static final String BASE = "https://news.example/2020/01/article";

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void removesScriptElementsWithTheirCode() {
        assertEquals("<p>نص</p>", sanitizer.sanitize("<p>نص</p><script>alert(1)</script>", BASE));
    }

    @Test
    void removesEventHandlerAttributes() {
        assertEquals("<p>نص</p>", sanitizer.sanitize("<p onclick=\"steal()\" onmouseover=\"x()\">نص</p>", BASE));
    }

    @Test
    void removesJavascriptHrefButKeepsTheLinkText() {
        assertEquals("<a>رابط</a>", sanitizer.sanitize("<a href=\"javascript:alert(1)\">رابط</a>", BASE));
    }

    @Test
    void removesIframesAndStyleElements() {
        assertEquals("<p>نص</p>", sanitizer.sanitize(
                "<iframe src=\"https://evil.example/\"></iframe><style>p{color:red}</style><p style=\"color:red\">نص</p>", BASE));
    }

    @Test
    void removesFormsAndInputs() {
        assertEquals("", sanitizer.sanitize("<form action=\"https://evil.example/\"><input name=\"x\"></form>", BASE));
    }

    @Test
    void keepsStructuralElementsAndDirLangAttributes() {
        String html = "<h2 dir=\"rtl\" lang=\"ar\">عنوان</h2><p dir=\"ltr\" lang=\"en\">English</p><blockquote>اقتباس</blockquote>";
        assertEquals(html, sanitizer.sanitize(html, BASE));
    }

    @Test
    void keepsFiguresWithHttpImagesAndCaptions() {
        String html = "<figure><img src=\"http://img.example/a.jpg\" alt=\"صورة\"><figcaption>تعليق</figcaption></figure>";
        assertEquals(html, sanitizer.sanitize(html, BASE));
    }

    @Test
    void keepsHttpsLinks() {
        String html = "<p><a href=\"https://other.example/x\">رابط</a></p>";
        assertEquals(html, sanitizer.sanitize(html, BASE));
    }

    @Test
    void dropsImageSourcesThatAreNotHttp() {
        assertEquals("<img><img>", sanitizer.sanitize(
                "<img src=\"data:image/png;base64,AAAA\"><img src=\"ftp://files.example/a.png\">", BASE));
    }

    @Test
    void resolvesRelativeLinksAndImagesAgainstTheBaseUri() {
        assertEquals("<p><a href=\"https://news.example/about\">عن</a> <a href=\"https://news.example/2020/b\">ب</a>"
                        + " <img src=\"https://news.example/2020/01/pic.jpg\"></p>",
                sanitizer.sanitize("<p><a href=\"/about\">عن</a> <a href=\"../b\">ب</a> <img src=\"pic.jpg\"></p>", BASE));
    }

    @Test
    void stripsCharactersXmlForbids() {
        assertEquals("<p>abc</p>", sanitizer.sanitize("<p>a\u0001b\uFFFEc\u0000</p>", BASE));
    }

    @Test
    void removesForbiddenCharactersThatArriveAsEntities() {
        // An entity is decoded by the parser, so the text would carry U+0001 unless cleaned again after sanitizing.
        assertEquals("<p>ab</p>", sanitizer.sanitize("<p>a&#1;b</p>", BASE));
    }

    @Test
    void plainTextDropsTagsDecodesEntitiesAndCollapsesWhiteSpace() {
        assertEquals("عاجل: & خبر جديد", HtmlSanitizer.plainText("<b>عاجل</b>: &amp; خبر\n  <i>جديد</i>"));
    }

    @Test
    void plainTextOfScriptOnlyIsEmpty() {
        assertEquals("", HtmlSanitizer.plainText("<script>alert(1)</script>"));
    }
}
