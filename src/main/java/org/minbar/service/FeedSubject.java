package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.minbar.config.Display;
import org.minbar.config.SiteConfig;
import org.minbar.model.Author;
import org.minbar.model.FeedKey;
import org.minbar.model.FeedKind;
import org.minbar.storage.AuthorStore;
import org.minbar.storage.FeedQuery;
import org.minbar.storage.Terms;
import org.minbar.text.Slugs;

/**
 * What a feed or listing page is about: the site, a category or an author, found by slug (also
 * when the slug in the address is written with tashkeel or another alef form), with its display
 * name and description and the query for its newest articles.
 */
record FeedSubject(FeedKey key, String name, String description, FeedQuery query) {

    static FeedSubject find(Connection connection, SiteConfig site, FeedKey requested, int limit) throws SQLException {
        return switch (requested.kind()) {
            case SITE -> new FeedSubject(requested, site.title(), site.description(), FeedQuery.site(limit));
            case CATEGORY -> category(connection, site, requested.slug(), limit);
            case AUTHOR -> author(connection, site, requested.slug(), limit);
            case TAG -> tag(connection, site, requested.slug(), limit);
            case SEARCH -> throw new IllegalArgumentException("search feeds are SearchService's");
        };
    }

    private static FeedSubject category(Connection connection, SiteConfig site, String slug, int limit) throws SQLException {
        Terms categories = Terms.categories();
        Optional<Terms.Term> exact = categories.findBySlug(connection, slug);
        Terms.Term term = (exact.isPresent() ? exact : categories.findBySlug(connection, Slugs.of(slug)))
                .orElseThrow(() -> new NotFoundException("no category with the slug '" + shown(slug) + "'"));
        Optional<Display> display = site.category(term.slug());
        String name = display.map(Display::name).orElse(term.name());
        String description = display.flatMap(Display::description)
                .orElse("آخر الأخبار في تصنيف «" + name + "» على " + site.title());
        return new FeedSubject(FeedKey.category(term.slug()), name, description, FeedQuery.inCategory(term.id(), limit));
    }

    private static FeedSubject tag(Connection connection, SiteConfig site, String slug, int limit) throws SQLException {
        Terms tags = Terms.tags();
        Optional<Terms.Term> exact = tags.findBySlug(connection, slug);
        Terms.Term term = (exact.isPresent() ? exact : tags.findBySlug(connection, Slugs.of(slug)))
                .orElseThrow(() -> new NotFoundException("no tag with the slug '" + shown(slug) + "'"));
        return new FeedSubject(FeedKey.tag(term.slug()), term.name(),
                "آخر الأخبار الموسومة بـ«" + term.name() + "» على " + site.title(), FeedQuery.withTag(term.id(), limit));
    }

    private static FeedSubject author(Connection connection, SiteConfig site, String slug, int limit) throws SQLException {
        AuthorStore authors = new AuthorStore();
        String found = authors.idBySlug(connection, slug).isPresent() ? slug : Slugs.of(slug);
        long id = authors.idBySlug(connection, found)
                .orElseThrow(() -> new NotFoundException("no author with the slug '" + shown(slug) + "'"));
        Author author = authors.findBySlug(connection, found).orElseThrow();
        Optional<Display> display = site.author(found);
        String name = display.map(Display::name).orElse(author.name());
        String description = display.flatMap(Display::description).or(author::bio)
                .orElse("آخر مقالات " + name + " على " + site.title());
        return new FeedSubject(FeedKey.author(found), name, description, FeedQuery.byAuthor(id, limit));
    }

    String title(SiteConfig site) {
        return key.kind() == FeedKind.SITE ? site.title() : name + " – " + site.title();
    }

    /** A slug as error messages show it: cut, so a hostile address is not echoed back whole. */
    private static String shown(String slug) {
        return slug.length() <= 100 ? slug : slug.substring(0, 100) + "…";
    }
}
