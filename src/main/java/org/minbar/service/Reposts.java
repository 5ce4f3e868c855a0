package org.minbar.service;

import java.time.Instant;
import java.util.List;
import org.minbar.model.Article;
import org.minbar.model.ArticleDraft;
import org.minbar.model.Author;
import org.minbar.model.AuthorDraft;
import org.minbar.model.Category;
import org.minbar.model.Tag;
import org.minbar.model.TermDraft;

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
                && stored.categories().stream().map(Category::slug).toList().equals(slugs(draft.categories()))
                && stored.tags().stream().map(Tag::slug).toList().equals(slugs(draft.tags()));
    }

    private static List<String> slugs(List<TermDraft> terms) {
        return terms.stream().map(term -> term.slug().orElseThrow(() -> incomplete("term " + term.name()))).toList();
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
