package org.minbar.ingest;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Entities;
import org.minbar.model.ArticleDraft;
import org.minbar.model.AuthorDraft;
import org.minbar.model.TermDraft;
import org.minbar.text.Slugs;

/**
 * Completes a validated draft before it leaves ingest, so the write path computes nothing from the
 * text: a summary (the publisher's, else the start of the content's text), content (the summary as
 * a paragraph when only a summary was given), a slug for every author, category and tag, and the
 * slug of the article's page (the one given, else its title's).
 */
final class DraftCompletion {

    private DraftCompletion() {}

    static ArticleDraft complete(ArticleDraft draft) {
        String summary = draft.summary().orElseGet(() -> DraftValidator.summaryFrom(draft.content()));
        String content = draft.content().isEmpty() ? "<p>" + Entities.escape(summary) + "</p>" : draft.content();
        return new ArticleDraft(draft.guid(), draft.url(), draft.title(), Optional.of(summary), content,
                draft.authors().stream().map(DraftCompletion::withSlug).toList(),
                withSlugs(draft.categories()), withSlugs(draft.tags()), draft.published(), draft.updated(),
                draft.image(), draft.related(), draft.language(), Optional.of(Slugs.of(draft.slug().orElse(draft.title()))));
    }

    private static AuthorDraft withSlug(AuthorDraft author) {
        return new AuthorDraft(author.name(), author.bio(), author.url(),
                Optional.of(author.slug().orElseGet(() -> Slugs.of(author.name()))));
    }

    private static List<TermDraft> withSlugs(List<TermDraft> terms) {
        return terms.stream().map(term -> new TermDraft(term.name(),
                Optional.of(term.slug().orElseGet(() -> Slugs.of(term.name()))))).toList();
    }
}
