package org.minbar.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.Category;

class ArticleMetaTest {

    private static final Instant PUBLISHED = Instant.parse("2020-02-09T10:00:00Z");

    private static Article article(String title, String summary) {
        return new Article(1, "urn:minbar:test:1", Optional.empty(), Optional.empty(), "2020/02/09/قمة", title, summary,
                "<p>نص</p>", List.of(new Author("ليلى-حسن", "ليلى </script><script>alert(1)</script>", Optional.empty(), Optional.empty())),
                List.of(new Category("أمن-بحري", "أمن بحري")), List.of(), PUBLISHED, PUBLISHED, Optional.empty(),
                List.of(), "ar", PUBLISHED, PUBLISHED, Optional.empty());
    }

    @Test
    void nothingInTheJsonLdCanCloseItsScriptElement() throws Exception {
        String title = "قمة </script><script>alert(1)</script> الرياض";
        Document page = Jsoup.parse(new HtmlPages(FeedFixtures.SITE, FeedFixtures.LINKS).article(article(title, "ملخص"), List.of()));
        assertEquals(1, page.select("script").size(), "the title did not open a script of its own");
        String data = page.selectFirst("script[type=application/ld+json]").data();
        assertFalse(data.contains("</"), data);
        JsonNode json = new ObjectMapper().readTree(data);
        assertEquals(title, json.get("headline").asText());
        assertEquals("ليلى </script><script>alert(1)</script>", json.get("author").get(0).get("name").asText());
    }

    @Test
    void aLongSummaryIsCutAtAWordForTheDescription() {
        String summary = "كلمة ".repeat(100).strip();
        String description = ArticleMeta.description(article("عنوان", summary));
        assertTrue(description.length() <= 300, description.length() + "");
        assertTrue(description.endsWith("كلمة…"), description);
        assertEquals("ملخص قصير", ArticleMeta.description(article("عنوان", "ملخص قصير")));
        assertEquals("عنوان", ArticleMeta.description(article("عنوان", " ")), "no summary: the title");
    }
}
