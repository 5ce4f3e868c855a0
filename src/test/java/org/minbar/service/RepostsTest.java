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
import org.minbar.text.Slugs;

// Covers the "nothing changed" decision on its own: what makes a re-post a no-op, and what makes it an edit.
class RepostsTest {

    private static final Instant PUBLISHED = Instant.parse("2024-03-01T10:00:00Z");

    private static Article stored(Optional<Instant> deleted) {
        return stored(deleted, new Category("سوريا", "سوريا"));
    }

    private static Article stored(Optional<Instant> deleted, Category category) {
        return new Article(1, "urn:x:1", Optional.of("urn:x:1"), Optional.empty(), "2024/03/01/خبر", "خبر", "ملخص", "<p>نص</p>",
                List.of(new Author("نور", "نور", Optional.of("كاتبة"), Optional.empty())),
                List.of(category), List.of(new Tag("إدلب", "إدلب")), PUBLISHED, PUBLISHED,
                Optional.empty(), List.of(), "ar", PUBLISHED, PUBLISHED, deleted);
    }

    private static ArticleDraft draft(String title, Optional<Instant> updated, List<TermDraft> categories) {
        return new ArticleDraft(Optional.of("urn:x:1"), Optional.empty(), title, Optional.of("ملخص"), "<p>نص</p>",
                List.of(new AuthorDraft("نور", Optional.empty(), Optional.empty(), Optional.of("نور"))), categories,
                List.of(new TermDraft("إدلب", Optional.of("إدلب"))), Optional.empty(), updated, Optional.empty(), List.of(), "ar",
                Optional.of("خبر"));
    }

    private static ArticleDraft dated(Optional<Instant> published, Optional<Instant> updated) {
        ArticleDraft given = draft("خبر", updated, SYRIA);
        return new ArticleDraft(given.guid(), given.url(), given.title(), given.summary(), given.content(), given.authors(),
                given.categories(), given.tags(), published, updated, given.image(), given.related(), given.language(), given.slug());
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
    void anotherUpdatedOrPublishedDateIsAnEditAndADeletedArticleIsRestored() {
        assertFalse(Reposts.unchanged(stored(Optional.empty()), draft("خبر", Optional.of(PUBLISHED.plusSeconds(60)), SYRIA)));
        assertFalse(Reposts.unchanged(stored(Optional.empty()), dated(Optional.of(PUBLISHED.plusSeconds(60)), Optional.empty())));
        assertFalse(Reposts.unchanged(stored(Optional.of(PUBLISHED.plusSeconds(5))), draft("خبر", Optional.empty(), SYRIA)));
    }

    /** A re-imported export gives the same post_modified_gmt it gave the first time: that is no edit. */
    @Test
    void theStoredUpdatedDateGivenAgainIsUnchangedAtTheStoresPrecision() {
        assertTrue(Reposts.unchanged(stored(Optional.empty()), draft("خبر", Optional.of(PUBLISHED), SYRIA)));
        assertTrue(Reposts.unchanged(stored(Optional.empty()),
                dated(Optional.of(PUBLISHED.plusNanos(400_000)), Optional.of(PUBLISHED.plusNanos(999_999)))),
                "the store keeps milliseconds: a time given in microseconds is the one stored from it");
        assertFalse(Reposts.unchanged(stored(Optional.empty()), dated(Optional.of(PUBLISHED.plusMillis(1)), Optional.empty())));
    }

    @Test
    void aTermNamedInAnotherSpellingOrTwiceIsTheStoredOneButASlugItsSourceChoseIsAChange() {
        Article airDefence = stored(Optional.empty(), new Category("air-defence", "دفاع جوي"));
        List<TermDraft> spelled = List.of(new TermDraft("دِفاع جَوّي", Optional.of(Slugs.of("دِفاع جَوّي"))));
        assertTrue(Reposts.unchanged(airDefence, draft("خبر", Optional.empty(), spelled)), "a posted «دِفاع جَوّي» is air-defence");
        List<TermDraft> twice = List.of(new TermDraft("دفاع جوي", Optional.of("air-defence")),
                new TermDraft("دفاع جوي", Optional.of("دفاع-جوي")));
        assertTrue(Reposts.unchanged(airDefence, draft("خبر", Optional.empty(), twice)), "one category named twice: linked once");
        assertFalse(Reposts.unchanged(stored(Optional.empty()),
                draft("خبر", Optional.empty(), List.of(new TermDraft("سوريا", Optional.of("syria"))))),
                "the stored category would take the slug the export gives it");
        assertFalse(Reposts.unchanged(stored(Optional.empty()), draft("خبر", Optional.empty(), List.of())));
    }

    @Test
    void anotherPageSlugIsNoChangeForThePageAddressIsFixedAtCreation() {
        ArticleDraft given = draft("خبر", Optional.empty(), SYRIA);
        ArticleDraft otherSlug = new ArticleDraft(given.guid(), given.url(), given.title(), given.summary(), given.content(),
                given.authors(), given.categories(), given.tags(), given.published(), given.updated(), given.image(),
                given.related(), given.language(), Optional.of("خبر-اخر"));
        assertTrue(Reposts.unchanged(stored(Optional.empty()), otherSlug));
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
