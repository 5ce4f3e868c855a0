package org.minbar.service;

import java.time.Instant;
import java.util.List;
import org.minbar.model.Article;
import org.minbar.model.ArticleDraft;
import org.minbar.model.Author;
import org.minbar.model.AuthorDraft;
import org.minbar.model.TermDraft;
import org.minbar.text.Slugs;

/**
 * Decides whether a complete draft says nothing new about a stored article, so that a publisher's
 * retry, or a re-import, changes nothing: no new version, no moved "updated", nothing to derive.
 */
final class Reposts {

    private Reposts() {}

    /**
     * True when the stored (live) article already holds everything the draft gives. A draft with
     * its own updated date is a deliberate edit and never a repost; a deleted article is restored.
     */
    static boolean unchanged(Article stored, ArticleDraft draft) {
        Instant published = draft.published().orElse(stored.published());
        return !stored.isDeleted()
                && draft.updated().isEmpty()
                && stored.guid().equals(draft.guid())
                && stored.url().equals(draft.url())
                && stored.title().equals(draft.title())
                && draft.summary().filter(stored.summary()::equals).isPresent()
                && stored.content().equals(draft.content())
                && stored.image().equals(draft.image())
                && stored.language().equals(draft.language())
                && stored.published().equals(published)
                && stored.related().equals(draft.related())
                && sameAuthors(stored.authors(), draft.authors())
                && sameTerms(stored.categories().stream().map(c -> List.of(c.slug(), c.name())).toList(), draft.categories())
                && sameTerms(stored.tags().stream().map(t -> List.of(t.slug(), t.name())).toList(), draft.tags());
    }

    /**
     * The same terms in the same order, each named by its slug or its name in any spelling
     * ({@link Slugs#key}): a posted «دفاع جوي» is the stored category air-defence it resolved to.
     */
    private static boolean sameTerms(List<List<String>> stored, List<TermDraft> given) {
        if (stored.size() != given.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            TermDraft draft = given.get(i);
            String slug = draft.slug().orElseThrow(() -> incomplete("term " + draft.name()));
            String storedSlug = stored.get(i).get(0);
            String storedName = stored.get(i).get(1);
            if (!storedSlug.equals(slug) && !Slugs.key(storedSlug).equals(Slugs.key(slug))
                    && !Slugs.key(storedName).equals(Slugs.key(draft.name()))) {
                return false;
            }
        }
        return true;
    }

    /** Same names in the same order, and no bio or URL given that differs from the stored one. */
    private static boolean sameAuthors(List<Author> stored, List<AuthorDraft> given) {
        if (stored.size() != given.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            Author author = stored.get(i);
            AuthorDraft draft = given.get(i);
            if (!author.name().equals(draft.name())
                    || (draft.bio().isPresent() && !draft.bio().equals(author.bio()))
                    || (draft.url().isPresent() && !draft.url().equals(author.url()))) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException incomplete(String what) {
        return new IllegalArgumentException(what + " has no slug: drafts are completed in ingest before they are saved");
    }
}
