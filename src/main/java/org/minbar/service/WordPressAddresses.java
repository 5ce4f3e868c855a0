package org.minbar.service;

import java.util.Optional;
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

    public WordPressAddresses(Database database) {
        this.database = database;
    }

    /**
     * The feed of the term WordPress knew as {@code idOrSlug} (a number: its WordPress id, recorded
     * at import; anything else: a slug, found or redirected as the feed's address is).
     */
    public FeedKey term(FeedKind kind, String idOrSlug) {
        String value = idOrSlug.strip();
        if (value.isEmpty()) {
            throw new NotFoundException("no " + kind.pathSegment().orElseThrow() + " named");
        }
        if (value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new FeedKey(kind, value);
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
