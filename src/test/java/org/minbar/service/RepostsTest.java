package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minbar.model.Article;
import org.minbar.model.ArticleDraft;
import org.minbar.model.Author;
import org.minbar.model.AuthorDraft;
import org.minbar.model.Category;
import org.minbar.model.Tag;
import org.minbar.model.TermDraft;

// Covers the "nothing changed" decision on its own: what makes a re-post a no-op, and what makes it an edit.
class RepostsTest {

    private static final Instant PUBLISHED = Instant.parse("2024-03-01T10:00:00Z");

    private static Article stored(Optional<Instant> deleted) {
        return new Article(1, "urn:x:1", Optional.of("urn:x:1"), Optional.empty(), "2024/03/01/خبر", "خبر", "ملخص", "<p>نص</p>",
                List.of(new Author("نور", "نور", Optional.of("كاتبة"), Optional.empty())),
                List.of(new Category("سوريا", "سوريا")), List.of(new Tag("إدلب", "إدلب")), PUBLISHED, PUBLISHED,
                Optional.empty(), List.of(), "ar", PUBLISHED, PUBLISHED, deleted);
    }

    private static ArticleDraft draft(String title, Optional<Instant> updated, List<TermDraft> categories) {
        return new ArticleDraft(Optional.of("urn:x:1"), Optional.empty(), title, Optional.of("ملخص"), "<p>نص</p>",
                List.of(new AuthorDraft("نور", Optional.empty(), Optional.empty(), Optional.of("نور"))), categories,
                List.of(new TermDraft("إدلب", Optional.of("إدلب"))), Optional.empty(), updated, Optional.empty(), List.of(), "ar",
                Optional.of("خبر"));
    }

    private static final List<TermDraft> SYRIA = List.of(new TermDraft("سوريا", Optional.of("سوريا")));

    @Test
    void theSameArticleSentAgainIsUnchanged() {
        assertTrue(Reposts.unchanged(stored(Optional.empty()), draft("خبر", Optional.empty(), SYRIA)));
    }

    @Test
    void anotherTitleOrCategoryIsAChange() {
        assertFalse(Reposts.unchanged(stored(Optional.empty()), draft("خبر جديد", Optional.empty(), SYRIA)));
        assertFalse(Reposts.unchanged(stored(Optional.empty()),
                draft("خبر", Optional.empty(), List.of(new TermDraft("مصر", Optional.of("مصر"))))));
    }

    @Test
    void anUpdatedDateIsAlwaysAnEditAndADeletedArticleIsRestored() {
        assertFalse(Reposts.unchanged(stored(Optional.empty()), draft("خبر", Optional.of(PUBLISHED.plusSeconds(60)), SYRIA)));
        assertFalse(Reposts.unchanged(stored(Optional.of(PUBLISHED.plusSeconds(5))), draft("خبر", Optional.empty(), SYRIA)));
    }

    @Test
    void anAuthorGivenAnotherBioIsAChangeAndOneGivenNoneIsNot() {
        ArticleDraft noBio = draft("خبر", Optional.empty(), SYRIA);
        assertTrue(Reposts.unchanged(stored(Optional.empty()), noBio), "no bio given: the stored one stands");
        ArticleDraft otherBio = new ArticleDraft(noBio.guid(), noBio.url(), noBio.title(), noBio.summary(), noBio.content(),
                List.of(new AuthorDraft("نور", Optional.of("مراسلة"), Optional.empty(), Optional.of("نور"))), noBio.categories(),
                noBio.tags(), noBio.published(), noBio.updated(), noBio.image(), noBio.related(), noBio.language(), noBio.slug());
        assertFalse(Reposts.unchanged(stored(Optional.empty()), otherBio));
    }
}
