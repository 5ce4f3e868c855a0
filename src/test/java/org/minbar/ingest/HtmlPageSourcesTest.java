package org.minbar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.minbar.ingest.HtmlArticleReaderTest.term;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minbar.model.ArticleDraft;
import org.minbar.model.AuthorDraft;
import org.minbar.model.Problem;

// Covers where HtmlArticleReader takes each field from: the forms JSON-LD and meta tags come in, and which source wins.
class HtmlPageSourcesTest {

    private static final String TEXT = "<article><p>أعلنت وزارة الفلاحة عن انطلاق موسم جني الزيتون في ولايات الوسط والجنوب.</p></article>";

    private final HtmlArticleReader reader = new HtmlArticleReader(new HtmlSanitizer(), "https://site.example");

    @Test
    void titleLosesTheSiteNameThatOgSiteNameShows() throws Exception {
        ArticleDraft draft = read("<title>انطلاق موسم جني الزيتون – أخبار الجنوب</title>"
                + "<meta property=\"og:site_name\" content=\"أخبار الجنوب\">", TEXT);

        assertEquals("انطلاق موسم جني الزيتون", draft.title());
    }

    @Test
    void titleLosesTheSiteNameThatTheHeaderH1Shows() throws Exception {
        ArticleDraft draft = read("<title>انطلاق موسم جني الزيتون | أخبار الجنوب</title>",
                "<header><h1 class=\"site-title\">أخبار الجنوب</h1></header>" + TEXT);

        assertEquals("انطلاق موسم جني الزيتون", draft.title());
    }

    @Test
    void titleWithoutAKnownSiteNameIsKeptWhole() throws Exception {
        ArticleDraft draft = read("<title>انطلاق موسم جني الزيتون - ولايات الوسط</title>", TEXT);

        assertEquals("انطلاق موسم جني الزيتون - ولايات الوسط", draft.title());
    }

    @Test
    void articleAuthorGivenAsAnAddressIsTheAuthorsPageNotAName() throws Exception {
        ArticleDraft draft = read("<title>الزيتون</title><meta property=\"article:author\" content=\"https://janoub.example/author/hedi\">"
                + "<meta name=\"author\" content=\"الهادي بن عمر\">", TEXT);

        assertEquals(List.of(new AuthorDraft("الهادي بن عمر", Optional.empty(), Optional.of("https://janoub.example/author/hedi"))),
                draft.authors());
    }

    @Test
    void articleAuthorAddressWithoutAnyNameGivesNoAuthor() throws Exception {
        ArticleDraft draft = read("<title>الزيتون</title><meta property=\"article:author\" content=\"https://www.facebook.com/janoub\">", TEXT);

        assertEquals(List.of(), draft.authors());
    }

    @Test
    void jsonLdAuthorGivenAsTextAndImageAsAListAreRead() throws Exception {
        ArticleDraft draft = read("""
                <script type="application/ld+json">
                [{"@context": "https://schema.org", "@type": "BlogPosting", "headline": "موسم الزيتون",
                  "author": "الهادي بن عمر",
                  "image": [{"@type": "ImageObject", "url": "/uploads/olives.jpg"}, "https://janoub.example/uploads/other.jpg"],
                  "keywords": ["زيتون", "فلاحة"], "articleSection": "فلاحة",
                  "url": "https://janoub.example/2024/11/olive-harvest"}]
                </script>""", TEXT);

        assertEquals("موسم الزيتون", draft.title());
        assertEquals(List.of(new AuthorDraft("الهادي بن عمر", Optional.empty(), Optional.empty())), draft.authors());
        assertEquals(Optional.of("https://janoub.example/uploads/olives.jpg"), draft.image());
        assertEquals(List.of(term("فلاحة", "فلاحة")), draft.categories());
        assertEquals(List.of(term("زيتون", "زيتون"), term("فلاحة", "فلاحة")), draft.tags());
        assertEquals(Optional.empty(), draft.guid());
    }

    @Test
    void jsonLdIdThatIsOnlyThePagesAddressIsNoGuid() throws Exception {
        ArticleDraft draft = read("""
                <script type="application/ld+json">{"@type": "NewsArticle", "@id": "https://janoub.example/2024/11/olive-harvest",
                "url": "https://janoub.example/2024/11/olive-harvest", "headline": "موسم الزيتون"}</script>""", TEXT);

        assertEquals(Optional.of("https://janoub.example/2024/11/olive-harvest"), draft.url());
        assertEquals(Optional.empty(), draft.guid());
    }

    @Test
    void jsonLdArticleBodyIsTheTextWhenThePageShowsNone() throws Exception {
        ArticleDraft draft = read("""
                <script type="application/ld+json">{"@type": "NewsArticle", "headline": "موسم الزيتون",
                "articleBody": "أعلنت وزارة الفلاحة عن انطلاق موسم جني الزيتون.\\nوتتوقع الوزارة صابة قياسية <هذا العام>."}</script>""",
                "<div id=\"app\"></div>");

        assertEquals("<p>أعلنت وزارة الفلاحة عن انطلاق موسم جني الزيتون.</p>\n<p>وتتوقع الوزارة صابة قياسية &lt;هذا العام&gt;.</p>",
                draft.content());
    }

    @Test
    void languageComesFromTheHtmlElementWhenJsonLdNamesNone() throws Exception {
        ArticleDraft draft = read("<title>الزيتون</title>", TEXT);

        assertEquals("ar-TN", draft.language());
    }

    @Test
    void dateThatCannotBeReadGivesWayToALessTrustedSource() throws Exception {
        ArticleDraft draft = read("<title>الزيتون</title><meta property=\"article:published_time\" content=\"منذ ساعتين\">",
                "<time class=\"entry-date published\" datetime=\"2024-11-02T08:00:00+01:00\">2 نوفمبر</time>" + TEXT);

        assertEquals(Optional.of(Instant.parse("2024-11-02T07:00:00Z")), draft.published());
    }

    @Test
    void dateThatNoSourceGivesReadablyIsReported() {
        InvalidArticleException e = assertThrows(InvalidArticleException.class,
                () -> read("<title>الزيتون</title><meta property=\"article:published_time\" content=\"2024-11-02 08:00\">", TEXT));

        assertFalse(e.unprocessable());
        assertEquals(List.of("$.published"), e.problems().stream().map(Problem::field).toList());
    }

    @Test
    void canonicalLinkThatIsRelativeIsResolvedAgainstTheRequestsAddress() throws Exception {
        ArticleDraft draft = reader.read(("<html><head><title>الزيتون</title><link rel=\"canonical\" href=\"/2024/11/olive-harvest\"></head><body>"
                + TEXT + "</body></html>").getBytes(StandardCharsets.UTF_8), Optional.of("https://janoub.example/?p=812"), Optional.empty());

        assertEquals(Optional.of("https://janoub.example/2024/11/olive-harvest"), draft.url());
    }

    @Test
    void slugHeaderIsMadeAPageSlug() throws Exception {
        ArticleDraft draft = reader.read(("<html><head><title>الزيتون</title></head><body>" + TEXT + "</body></html>")
                .getBytes(StandardCharsets.UTF_8), Optional.empty(), Optional.of("%D9%85%D9%88%D8%B3%D9%85 الزيتون"));

        assertEquals(Optional.of("موسم-الزيتون"), draft.slug());
    }

    @Test
    void tooManyTagsAreRefusedAsInTheJsonPath() {
        StringBuilder tags = new StringBuilder();
        for (int i = 1; i <= 51; i++) {
            tags.append("<meta property=\"article:tag\" content=\"وسم ").append(i).append("\">");
        }
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> read("<title>الزيتون</title>" + tags, TEXT));

        assertEquals(List.of(new Problem("$.tags", "may have at most 50 entries (it has 51)")), e.problems());
    }

    private ArticleDraft read(String head, String body) throws InvalidArticleException {
        String html = "<!DOCTYPE html><html lang=\"ar-TN\"><head>" + head + "</head><body>" + body + "</body></html>";
        return reader.read(html.getBytes(StandardCharsets.UTF_8), Optional.empty(), Optional.empty());
    }
}
