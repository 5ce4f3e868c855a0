package org.minbar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.minbar.model.ArticleDraft;
import org.minbar.model.AuthorDraft;
import org.minbar.model.Problem;
import org.minbar.model.RelatedReference;

// Covers JsonArticleReader: a complete article read field by field, and each kind of bad input reported with its JSON path.
class JsonArticleReaderTest {

    private static final String KNOWN_FIELDS = "author, authors, categories, content, guid, image, language, published,"
            + " related, summary, tags, title, updated, url";

    private final JsonArticleReader reader = new JsonArticleReader(new HtmlSanitizer(), "https://news.example");

    @Test
    void readsACompleteArabicArticleFieldByField() throws InvalidArticleException {
        ArticleDraft draft = read("""
                {
                  "guid": "urn:minbar:test:idlib",
                  "url": "https://news.example/أخبار/إدلب",
                  "title": "هجوم على مواقع الجيش في إدلب",
                  "summary": "ملخص الخبر عن إدلب.",
                  "content": "<p>نص <a href=\\"https://other.example/x\\">مصدر</a></p><script>x()</script>",
                  "authors": [
                    {"name": "نور الدين", "bio": "كاتب وخبير", "url": "https://news.example/كتاب/نور"},
                    {"name": "سارة المنصوري"}
                  ],
                  "categories": ["سوريا", "روسيا"],
                  "tags": ["إدلب", "وقف إطلاق النار"],
                  "published": "2020-01-30T14:10:00+03:00",
                  "updated": "2020-01-30T16:45:00Z",
                  "image": "https://img.example/صور/إدلب.jpg",
                  "related": [
                    {"title": "خبر مرتبط", "url": "https://other.example/a"},
                    {"title": "خبر آخر", "guid": "urn:minbar:test:other"}
                  ],
                  "language": "ar-SY"
                }
                """);

        assertEquals(Optional.of("urn:minbar:test:idlib"), draft.guid());
        assertEquals(Optional.of("https://news.example/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%A5%D8%AF%D9%84%D8%A8"), draft.url());
        assertEquals("هجوم على مواقع الجيش في إدلب", draft.title());
        assertEquals(Optional.of("ملخص الخبر عن إدلب."), draft.summary());
        assertEquals("<p>نص <a href=\"https://other.example/x\">مصدر</a></p>", draft.content());
        assertEquals(List.of(
                new AuthorDraft("نور الدين", Optional.of("كاتب وخبير"),
                        Optional.of("https://news.example/%D9%83%D8%AA%D8%A7%D8%A8/%D9%86%D9%88%D8%B1")),
                new AuthorDraft("سارة المنصوري", Optional.empty(), Optional.empty())), draft.authors());
        assertEquals(List.of("سوريا", "روسيا"), names(draft.categories()));
        assertEquals(List.of("سوريا", "روسيا"), draft.categories().stream().map(t -> t.slug().orElseThrow()).toList());
        assertEquals(List.of("إدلب", "وقف إطلاق النار"), names(draft.tags()));
        assertEquals(List.of("ادلب", "وقف-اطلاق-النار"), draft.tags().stream().map(t -> t.slug().orElseThrow()).toList());
        assertEquals(Optional.of(Instant.parse("2020-01-30T11:10:00Z")), draft.published());
        assertEquals(Optional.of(Instant.parse("2020-01-30T16:45:00Z")), draft.updated());
        assertEquals(Optional.of("https://img.example/%D8%B5%D9%88%D8%B1/%D8%A5%D8%AF%D9%84%D8%A8.jpg"), draft.image());
        assertEquals(List.of(
                new RelatedReference("خبر مرتبط", Optional.of("https://other.example/a"), Optional.empty()),
                new RelatedReference("خبر آخر", Optional.empty(), Optional.of("urn:minbar:test:other"))), draft.related());
        assertEquals("ar-SY", draft.language());
    }

    @Test
    void minimalArticleGetsDefaultsForEverythingOptional() throws InvalidArticleException {
        ArticleDraft draft = read("{\"title\": \"عنوان\", \"content\": \"<p>نص</p>\"}");

        assertEquals(new ArticleDraft(Optional.empty(), Optional.empty(), "عنوان", Optional.empty(), "<p>نص</p>",
                List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), "ar",
                Optional.empty()), draft);
    }

    @Test
    void relativeLinksInContentResolveAgainstTheSiteWhenTheArticleHasNoUrl() throws InvalidArticleException {
        ArticleDraft draft = read("{\"title\": \"t\", \"content\": \"<p><a href=\\\"/about\\\">عن</a></p>\"}");
        assertEquals("<p><a href=\"https://news.example/about\">عن</a></p>", draft.content());
    }

    @Test
    void relativeLinksInContentResolveAgainstTheArticleUrl() throws InvalidArticleException {
        ArticleDraft draft = read("{\"title\": \"t\", \"url\": \"https://paper.example/news/1\","
                + " \"content\": \"<p><a href=\\\"2\\\">التالي</a></p>\"}");
        assertEquals("<p><a href=\"https://paper.example/news/2\">التالي</a></p>", draft.content());
    }

    @Test
    void authorGivenAsAPlainStringIsTheAuthorsName() throws InvalidArticleException {
        ArticleDraft draft = read("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"author\": \"سارة المنصوري\"}");
        assertEquals(List.of(new AuthorDraft("سارة المنصوري", Optional.empty(), Optional.empty())), draft.authors());
    }

    @Test
    void categoriesDifferingOnlyByTashkeelOrTatweelAreDeduplicatedKeepingTheFirst() throws InvalidArticleException {
        ArticleDraft draft = read("{\"title\": \"t\", \"content\": \"<p>x</p>\","
                + " \"categories\": [\"سُورِيَا\", \"مصر\", \"سوريا\", \"ســوريا\"]}");
        assertEquals(List.of("سُورِيَا", "مصر"), names(draft.categories()));
    }

    @Test
    void titleAndSummaryHtmlIsReducedToText() throws InvalidArticleException {
        ArticleDraft draft = read("{\"title\": \"<em>عاجل</em>:\\n  خبر &amp; تحليل\","
                + " \"summary\": \"<p><b>ملخص</b></p><script>x()</script>\", \"content\": \"<p>x</p>\"}");
        assertEquals("عاجل: خبر & تحليل", draft.title());
        assertEquals(Optional.of("ملخص"), draft.summary());
    }

    @Test
    void summaryAloneIsEnoughWithoutContent() throws InvalidArticleException {
        ArticleDraft draft = read("{\"title\": \"t\", \"summary\": \"ملخص\"}");
        assertEquals("", draft.content());
        assertEquals(Optional.of("ملخص"), draft.summary());
    }

    @Test
    void dateWithoutTimeIsMidnightUtc() throws InvalidArticleException {
        ArticleDraft draft = read("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"published\": \"2020-01-30\"}");
        assertEquals(Optional.of(Instant.parse("2020-01-30T00:00:00Z")), draft.published());
    }

    @Test
    void languageTagIsNormalizedToItsCanonicalCase() throws InvalidArticleException {
        ArticleDraft draft = read("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"language\": \"AR-eg\"}");
        assertEquals("ar-EG", draft.language());
    }

    @Test
    void malformedJsonIsReportedAtTheRootWithLineAndColumn() {
        assertEquals(List.of(new Problem("$",
                        "is not valid JSON: Unexpected end-of-input within/between Object entries (line 1, column 11)")),
                problems("{\"title\": "));
    }

    @Test
    void documentThatIsNotAnObjectIsRejected() {
        List<Problem> expected = List.of(new Problem("$", "must be a JSON object"));
        assertEquals(expected, problems("[1, 2]"));
        assertEquals(expected, problems("\"عنوان\""));
        assertEquals(expected, problems("null"));
        assertEquals(expected, problems(""));
    }

    @Test
    void missingTitleIsRequired() {
        assertEquals(List.of(new Problem("$.title", "is required and must contain text")),
                problems("{\"content\": \"<p>x</p>\"}"));
    }

    @Test
    void titleMadeOnlyOfTagsCountsAsMissing() {
        assertEquals(List.of(new Problem("$.title", "is required and must contain text")),
                problems("{\"title\": \"<b> </b>\", \"content\": \"<p>x</p>\"}"));
    }

    @Test
    void titleThatIsANumberIsReportedAsTheWrongType() {
        List<Problem> problems = problems("{\"title\": 5, \"content\": \"<p>x</p>\"}");
        assertEquals(new Problem("$.title", "must be a string, not a number"), problems.get(0));
        assertTrue(problems.stream().allMatch(p -> p.field().equals("$.title")), problems::toString);
    }

    @Test
    void unknownFieldIsNamedWithTheKnownOnes() {
        assertEquals(List.of(new Problem("$.colour", "is not a known field (known: " + KNOWN_FIELDS + ")")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"colour\": \"red\"}"));
    }

    @Test
    void unknownFieldInsideAnAuthorIsNamedWithItsPath() {
        assertEquals(List.of(new Problem("$.authors[0].email", "is not a known field (known: bio, name, url)")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"authors\": [{\"name\": \"a\", \"email\": \"a@b\"}]}"));
    }

    @Test
    void authorAndAuthorsTogetherAreRejected() {
        assertEquals(List.of(new Problem("$.authors", "give either author or authors, not both")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"author\": \"أ\", \"authors\": [\"ب\"]}"));
    }

    @Test
    void authorWithoutNameIsReportedAtItsIndex() {
        assertEquals(List.of(new Problem("$.authors[1].name", "is required")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\","
                        + " \"authors\": [{\"name\": \"نور الدين\"}, {\"bio\": \"كاتب\"}]}"));
    }

    @Test
    void categoriesThatAreNotAListAreRejected() {
        assertEquals(List.of(new Problem("$.categories", "must be a list of strings, not an object")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"categories\": {\"name\": \"سوريا\"}}"));
    }

    @Test
    void categoriesGivenAsOneStringAreRejectedWithAGrammaticalMessage() {
        assertEquals(List.of(new Problem("$.categories", "must be a list of strings, not a string")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"categories\": \"سوريا\"}"));
    }

    @Test
    void categoryThatIsNotAStringIsReportedAtItsIndex() {
        assertEquals(List.of(new Problem("$.categories[2]", "must be a string, not a number")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"categories\": [\"سوريا\", \"مصر\", 7]}"));
    }

    @Test
    void invalidDateIsRejectedQuotingTheValue() {
        assertEquals(List.of(new Problem("$.published", "must be an ISO 8601 date-time with a time zone offset, such as"
                        + " 2024-01-09T12:00:00+03:00 or 2024-01-09T09:00:00Z (got \"yesterday\")")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"published\": \"yesterday\"}"));
    }

    @Test
    void dateTimeWithoutOffsetIsRejected() {
        assertEquals(List.of(new Problem("$.updated", "must be an ISO 8601 date-time with a time zone offset, such as"
                        + " 2024-01-09T12:00:00+03:00 or 2024-01-09T09:00:00Z (got \"2020-01-30T14:10:00\")")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"updated\": \"2020-01-30T14:10:00\"}"));
    }

    @Test
    void dateOutsideTheAcceptedYearsIsRejected() {
        assertEquals(List.of(new Problem("$.published", "must be a year between 1900 and 2200")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"published\": \"1066-10-14\"}"));
    }

    @Test
    void updatedBeforePublishedIsRejected() {
        assertEquals(List.of(new Problem("$.updated", "must not be before published")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\","
                        + " \"published\": \"2020-01-30T14:10:00+03:00\", \"updated\": \"2020-01-30T10:00:00+03:00\"}"));
    }

    @Test
    void javascriptUrlIsRejected() {
        assertEquals(List.of(new Problem("$.url", "must be an absolute http or https URL")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"url\": \"javascript:alert(1)\"}"));
    }

    @Test
    void relativeImageIsRejected() {
        assertEquals(List.of(new Problem("$.image", "must be an absolute http or https URL")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"image\": \"/img/a.jpg\"}"));
    }

    @Test
    void relatedStoryWithoutUrlOrGuidIsRejected() {
        assertEquals(List.of(new Problem("$.related[0]", "needs a url, or the guid of an article on this server")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"related\": [{\"title\": \"خبر\"}]}"));
    }

    @Test
    void moreThanTwentyCategoriesAreRejected() {
        String categories = IntStream.rangeClosed(1, 21).mapToObj(i -> "\"قسم " + i + "\"").collect(Collectors.joining(", "));
        assertEquals(List.of(new Problem("$.categories", "may have at most 20 entries (it has 21)")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"categories\": [" + categories + "]}"));
    }

    @Test
    void twentyCategoriesAreAccepted() throws InvalidArticleException {
        String categories = IntStream.rangeClosed(1, 20).mapToObj(i -> "\"قسم " + i + "\"").collect(Collectors.joining(", "));
        assertEquals(20, read("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"categories\": [" + categories + "]}")
                .categories().size());
    }

    @Test
    void duplicateKeysAreRejected() {
        assertEquals(List.of(new Problem("$", "is not valid JSON: Duplicate field 'title' (line 1, column 23)")),
                problems("{\"title\": \"t\", \"title\": \"u\", \"content\": \"<p>x</p>\"}"));
    }

    @Test
    void languageThatIsNotATagIsRejected() {
        assertEquals(List.of(new Problem("$.language", "must be a language tag such as \"ar\" or \"ar-EG\"")),
                problems("{\"title\": \"t\", \"content\": \"<p>x</p>\", \"language\": \"not a tag\"}"));
    }

    @Test
    void missingContentAndSummaryIsRejected() {
        assertEquals(List.of(new Problem("$.content", "is required (or at least a summary)")),
                problems("{\"title\": \"t\"}"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> read("""
                {"title": "عنوان", "colour": 1, "url": "ftp://x.example/", "content": "<p>x</p>",
                 "published": "bad", "authors": [{}], "categories": ["", 7], "image": "a.jpg", "language": "x"}
                """));
        assertEquals(List.of(
                "$.colour", "$.url", "$.published", "$.authors[0].name", "$.categories[1]", "$.categories[0]",
                "$.image", "$.language"), e.problems().stream().map(Problem::field).toList());
        assertTrue(e.getMessage().contains("$.url must be an absolute http or https URL; "), e.getMessage());
    }

    private ArticleDraft read(String json) throws InvalidArticleException {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private List<Problem> problems(String json) {
        return assertThrows(InvalidArticleException.class, () -> read(json)).problems();
    }

    private static List<String> names(List<org.minbar.model.TermDraft> terms) {
        return terms.stream().map(org.minbar.model.TermDraft::name).toList();
    }
}
