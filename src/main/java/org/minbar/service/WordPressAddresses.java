package org.minbar.service;

import java.util.Optional;
import org.minbar.config.SiteConfig;
import org.minbar.model.FeedKey;
import org.minbar.model.FeedKind;
import org.minbar.storage.Database;
import org.minbar.storage.TermKeys;
import org.minbar.storage.TermTable;
import org.minbar.storage.Terms;

/**
 * Finds what WordPress's query addresses name ({@code ?cat=5&feed=rss2}, {@code ?author=3}): a
 * category, tag or author by the id the WordPress export gave it, or by its slug.
 */
public final class WordPressAddresses {

    private final Database database;
    private final SiteConfig site;

    public WordPressAddresses(Database database, SiteConfig site) {
        this.database = database;
        this.site = site;
    }

    /**
     * The feed of the term WordPress knew as {@code idOrSlug} (a number: its WordPress id, recorded
     * at import; anything else: a slug, or a name, in any spelling), under the term's own slug.
     */
    public FeedKey term(FeedKind kind, String idOrSlug) {
        String value = idOrSlug.strip();
        if (value.isEmpty()) {
            throw new NotFoundException("no " + kind.pathSegment().orElseThrow() + " named");
        }
        if (value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // The term's own slug, so that the redirect lands on its feed in one step (404 when there is none).
            return database.read(connection -> FeedSubject.follow(connection, site, new FeedKey(kind, value), 1).key());
        }
        long id = Long.parseLong(value);
        TermTable table = TermTable.of(kind);
        Optional<String> slug = database.read(connection -> {
            Optional<Long> termId = new TermKeys(table).find(connection, TermKeys.wordPressId(id));
            return termId.isEmpty() ? Optional.<String>empty()
                    : Terms.of(table).findById(connection, termId.get()).map(Terms.Term::slug);
        });
        return new FeedKey(kind, slug.orElseThrow(() -> new NotFoundException(
                "no " + kind.pathSegment().orElseThrow() + " had the WordPress id " + id + " in an imported export")));
    }
}
