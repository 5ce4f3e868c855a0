package org.minbar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minbar.model.ArticleDraft;
import org.minbar.model.TermDraft;

// Covers AtomEntryReader's split of atom:category into categories and tags by scheme.
class AtomEntryReaderTest {

    private final AtomEntryReader reader = new AtomEntryReader(new HtmlSanitizer(), "https://minbar.example");

    private ArticleDraft read(String categories) throws InvalidArticleException {
        String entry = """
                <entry xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
                  <id>urn:test:reader</id>
                  <title>خبر</title>
                  %s
                  <content type="html">&lt;p&gt;نص الخبر.&lt;/p&gt;</content>
                </entry>
                """.formatted(categories);
        return reader.read(entry.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private static List<String> names(List<TermDraft> terms) {
        return terms.stream().map(TermDraft::name).toList();
    }

    @Test
    void aSchemeWhosePathEndsInTagMakesATagOnAnyHostAbsoluteOrRelative() throws InvalidArticleException {
        ArticleDraft draft = read("""
                <category term="إدلب" scheme="https://minbar.example/tag/"/>
                <category term="حلب" scheme="http://old-blog.example/news/tag/"/>
                <category term="حمص" scheme="/tag/"/>
                <category term="حماة" scheme="tag/"/>
                <category term="درعا" scheme="https://old-blog.example/tag"/>
                <category term="الرقة" scheme="https://old-blog.example/TAG/?lang=ar#top"/>
                """);
        assertEquals(List.of("إدلب", "حلب", "حمص", "حماة", "درعا", "الرقة"), names(draft.tags()));
        assertEquals(List.of(), draft.categories());
    }

    @Test
    void anyOtherSchemeOrNoneMakesACategory() throws InvalidArticleException {
        ArticleDraft draft = read("""
                <category term="سوريا"/>
                <category term="مصر" scheme="https://minbar.example/category/"/>
                <category term="روسيا" scheme="https://old-blog.example/"/>
                <category term="تركيا" scheme="https://old-blog.example/tags/"/>
                <category term="إيران" scheme="https://old-blog.example/tag/إيران/"/>
                <category term="لبنان" scheme="tag:old-blog.example,2024:tag"/>
                """);
        assertEquals(List.of("سوريا", "مصر", "روسيا", "تركيا", "إيران", "لبنان"), names(draft.categories()));
        assertEquals(List.of(), draft.tags());
    }

    @Test
    void theLabelIsTheNameAndTheTermTheSlugWhenBothAreGiven() throws InvalidArticleException {
        ArticleDraft draft = read("""
                <category term="air-defence" label="دفاع جوي" scheme="https://minbar.example/tag/"/>
                <category term="إدلب" label="إدلب" scheme="https://minbar.example/tag/"/>
                """);
        assertEquals(List.of(new TermDraft("دفاع جوي", Optional.of("air-defence")), new TermDraft("إدلب", Optional.of("ادلب"))),
                draft.tags());
    }
}
