package org.minbar.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.minbar.model.Article;
import org.minbar.model.ArticleDraft;
import org.minbar.model.Author;
import org.minbar.model.AuthorDraft;
import org.minbar.model.TermDraft;
import org.minbar.text.Slugs;

/**
 * Decides whether a complete draft would change a stored article, so that a publisher's retry, a
 * PUT of what is already there, or a re-import of an export changes nothing: no write, no new
 * version, no moved "updated", nothing logged or derived. It compares what the write would store
 * with what is stored, normalised as the write normalises: dates at the store's millisecond
 * precision, terms and authors by the identity {@link TermIdentity} resolves them to, and an
 * absent updated date, bio or author URL as "keep the stored one". The page address is fixed when
 * an article is created, so the draft's slug cannot change it and is not compared.
 */
final class Reposts {

    private Reposts() {}

    /** True when the stored (live) article already holds everything the draft gives; a deleted one is restored. */
    static boolean unchanged(Article stored, ArticleDraft draft) {
        return !stored.isDeleted()
                && sameDates(stored, draft)
                && stored.guid().equals(draft.guid())
                && stored.url().equals(draft.url())
                && stored.title().equals(draft.title())
                && draft.summary().filter(stored.summary()::equals).isPresent()
                && stored.content().equals(draft.content())
                && stored.image().equals(draft.image())
                && stored.language().equals(draft.language())
                && stored.related().equals(draft.related())
                && sameTerms(stored.categories().stream().map(c -> new Named(c.slug(), c.name())).toList(),
                        draft.categories().stream().map(Reposts::named).toList())
                && sameTerms(stored.tags().stream().map(t -> new Named(t.slug(), t.name())).toList(),
                        draft.tags().stream().map(Reposts::named).toList())
                && sameAuthors(stored.authors(), draft.authors());
    }

    /**
     * The draft's published date, else the stored one, and its updated date when it gives one (an
     * export's post_modified_gmt); without one, "updated" moves only with a change.
     */
    private static boolean sameDates(Article stored, ArticleDraft draft) {
        return sameInstant(stored.published(), draft.published().orElse(stored.published()))
                && draft.updated().map(updated -> sameInstant(stored.updated(), updated)).orElse(true);
    }

    /** The store keeps milliseconds, so a finer time given would never equal the one stored from it. */
    private static boolean sameInstant(Instant stored, Instant given) {
        return stored.truncatedTo(ChronoUnit.MILLIS).equals(given.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A category, tag or author by the slug and name its identity is found by. */
    private record Named(String slug, String name) {}

    private static Named named(TermDraft term) {
        return new Named(term.slug().orElseThrow(() -> incomplete("term " + term.name())), term.name());
    }

    /**
     * Whether the given terms resolve to the stored ones, in the same order. Each names a stored
     * term by its slug or name in any spelling ({@link Slugs#key}): a posted «دفاع جوي» is the stored
     * category air-defence. Two that name one term count once, as the write links it once. A slug
     * its source chose, which the stored term (whose slug was made from its name) would take, is a change.
     */
    private static boolean sameTerms(List<Named> stored, List<Named> given) {
        List<Integer> resolved = new ArrayList<>();
        for (Named term : given) {
            int index = indexOf(stored, term);
            if (index < 0 || takesSlug(stored.get(index), term)) {
                return false;
            }
            if (!resolved.contains(index)) {
                resolved.add(index);
            }
        }
        return resolved.equals(IntStream.range(0, stored.size()).boxed().toList());
    }

    private static int indexOf(List<Named> stored, Named term) {
        String slugKey = Slugs.key(term.slug());
        String nameKey = Slugs.key(term.name());
        for (int i = 0; i < stored.size(); i++) {
            Named candidate = stored.get(i);
            String storedSlugKey = Slugs.key(candidate.slug());
            String storedNameKey = Slugs.key(candidate.name());
            if (candidate.slug().equals(term.slug()) || storedSlugKey.equals(slugKey) || storedSlugKey.equals(nameKey)
                    || storedNameKey.equals(slugKey) || storedNameKey.equals(nameKey)) {
                return i;
            }
        }
        return -1;
    }

    /** As {@link TermIdentity#resolve} renames: a chosen slug replaces one that was only made from the name. */
    private static boolean takesSlug(Named stored, Named given) {
        return !stored.slug().equals(given.slug())
                && TermIdentity.isChosen(given.slug(), given.name())
                && !TermIdentity.isChosen(stored.slug(), stored.name());
    }

    /** The same authors in the same order, and no bio or URL given that differs from the stored one. */
    private static boolean sameAuthors(List<Author> stored, List<AuthorDraft> given) {
        List<Named> storedNames = stored.stream().map(a -> new Named(a.slug(), a.name())).toList();
        List<Named> givenNames = given.stream()
                .map(a -> new Named(a.slug().orElseThrow(() -> incomplete("author " + a.name())), a.name())).toList();
        if (!sameTerms(storedNames, givenNames)) {
            return false;
        }
        for (AuthorDraft author : given) {
            Author match = stored.get(indexOf(storedNames, new Named(author.slug().orElseThrow(), author.name())));
            if ((author.bio().isPresent() && !author.bio().equals(match.bio()))
                    || (author.url().isPresent() && !author.url().equals(match.url()))) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException incomplete(String what) {
        return new IllegalArgumentException(what + " has no slug: drafts are completed in ingest before they are saved");
    }
}
