package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.minbar.config.Display;
import org.minbar.config.SiteConfig;
import org.minbar.model.Author;
import org.minbar.model.FeedKey;
import org.minbar.model.FeedKind;
import org.minbar.storage.AuthorStore;
import org.minbar.storage.FeedQuery;
import org.minbar.storage.TermKeys;
import org.minbar.storage.TermTable;
import org.minbar.storage.Terms;
import org.minbar.text.Slugs;

/**
 * What a feed or listing page is about: the site, a category, an author or a tag, found by slug
 * (also when the slug in the address is written with tashkeel or another alef form), with its
 * display name and description and the query for its newest articles.
 */
record FeedSubject(FeedKey key, String name, String description, FeedQuery query) {

    /**
     * The subject an address names; {@link MovedException} when the slug is not the term's own (an old
     * slug of a merged or renamed term, a spelling of its name ({@link TermKeys}), or its slug written
     * with tashkeel or another hamza form), so that the address is redirected to the term's own and
     * the document's self link is always where the reader ends up.
     */
    static FeedSubject find(Connection connection, SiteConfig site, FeedKey requested, int limit) throws SQLException {
        FeedSubject subject = follow(connection, site, requested, limit);
        if (requested.slug() != null && !subject.key.slug().equals(requested.slug())) {
            throw new MovedException(subject.key);
        }
        return subject;
    }

    /** As {@link #find}, following a moved term to where it lives now: for a hub topic, not an address to answer. */
    static FeedSubject follow(Connection connection, SiteConfig site, FeedKey requested, int limit) throws SQLException {
        return switch (requested.kind()) {
            case SITE -> new FeedSubject(requested, site.title(), site.description(), FeedQuery.site(limit));
            case CATEGORY -> category(site, term(connection, TermTable.CATEGORY, requested.slug()), limit);
            case AUTHOR -> author(connection, site, term(connection, TermTable.AUTHOR, requested.slug()), limit);
            case TAG -> tag(site, term(connection, TermTable.TAG, requested.slug()), limit);
            case SEARCH -> throw new IllegalArgumentException("search feeds are SearchService's");
        };
    }

    private static Terms.Term term(Connection connection, TermTable table, String slug) throws SQLException {
        Terms terms = Terms.of(table);
        Optional<Terms.Term> exact = terms.findBySlug(connection, slug);
        if (exact.isPresent()) {
            return exact.get();
        }
        Optional<Terms.Term> spelled = terms.findBySlug(connection, Slugs.of(slug));
        if (spelled.isPresent()) {
            return spelled.get();
        }
        Optional<Long> keyed = new TermKeys(table).find(connection, Slugs.key(slug));
        if (keyed.isPresent()) {
            return terms.findById(connection, keyed.get()).orElseThrow();
        }
        throw new NotFoundException("no " + table.feedKind().pathSegment().orElseThrow() + " with the slug '" + shown(slug) + "'");
    }

    private static FeedSubject category(SiteConfig site, Terms.Term term, int limit) {
        Optional<Display> display = display(site.categories(), term.slug(), term.name());
        String name = display.map(Display::name).orElse(term.name());
        String description = display.flatMap(Display::description)
                .orElse("آخر الأخبار في تصنيف «" + name + "» على " + site.title());
        return new FeedSubject(FeedKey.category(term.slug()), name, description, FeedQuery.inCategory(term.id(), limit));
    }

    private static FeedSubject tag(SiteConfig site, Terms.Term term, int limit) {
        return new FeedSubject(FeedKey.tag(term.slug()), term.name(),
                "آخر الأخبار الموسومة بـ«" + term.name() + "» على " + site.title(), FeedQuery.withTag(term.id(), limit));
    }

    private static FeedSubject author(Connection connection, SiteConfig site, Terms.Term term, int limit) throws SQLException {
        Author author = new AuthorStore().findBySlug(connection, term.slug()).orElseThrow();
        Optional<Display> display = display(site.authors(), term.slug(), author.name());
        String name = display.map(Display::name).orElse(author.name());
        String description = display.flatMap(Display::description).or(author::bio)
                .orElse("آخر مقالات " + name + " على " + site.title());
        return new FeedSubject(FeedKey.author(term.slug()), name, description, FeedQuery.byAuthor(term.id(), limit));
    }

    /**
     * What feeds/categories.json or authors.json says of a term: the entry under its slug, else the one
     * whose slug or name is a spelling of its name (an imported term keeps WordPress's slug, air-defence,
     * while the entry was written under دفاع-جوي).
     */
    static Optional<Display> display(Map<String, Display> configured, String slug, String name) {
        Display bySlug = configured.get(slug);
        if (bySlug != null) {
            return Optional.of(bySlug);
        }
        String key = Slugs.key(name);
        return configured.entrySet().stream()
                .filter(entry -> Slugs.key(entry.getKey()).equals(key) || Slugs.key(entry.getValue().name()).equals(key))
                .map(Map.Entry::getValue).findFirst();
    }

    String title(SiteConfig site) {
        return key.kind() == FeedKind.SITE ? site.title() : name + " – " + site.title();
    }

    /** A slug as error messages show it: cut, so a hostile address is not echoed back whole. */
    private static String shown(String slug) {
        return slug.length() <= 100 ? slug : slug.substring(0, 100) + "…";
    }
}
