package org.minbar.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.minbar.storage.ArticleStore;
import org.minbar.text.Slugs;

/**
 * Finds the article an address /{yyyy}/{mm}/{dd}/{slug}/ names, also as a WordPress site wrote it:
 * WordPress dates the path in the site's time zone where we date it in UTC (a day either way), and
 * keeps letters in the post name that our slugs fold (the hamza of an alef, tashkeel). Three
 * lookups by the path's index at most, whatever the store's size.
 */
final class ArticlePaths {

    /** The article's id and its own path, which differs from the one asked for when it was found another way. */
    record Found(long id, String path) {}

    private ArticlePaths() {}

    static Optional<Found> find(Connection connection, ArticleStore articles, String path) throws SQLException {
        Optional<Long> exact = articles.idByPath(connection, path);
        if (exact.isPresent()) {
            return Optional.of(new Found(exact.get(), path));
        }
        String[] parts = path.split("/");
        if (parts.length != 4) {
            return Optional.empty();
        }
        LocalDate day;
        try {
            day = LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
        String slug = Slugs.of(parts[3]);
        for (LocalDate candidate : new LocalDate[] {day, day.minusDays(1), day.plusDays(1)}) {
            String other = String.format(Locale.ROOT, "%04d/%02d/%02d/%s",
                    candidate.getYear(), candidate.getMonthValue(), candidate.getDayOfMonth(), slug);
            Optional<Long> id = articles.idByPath(connection, other);
            if (id.isPresent()) {
                return Optional.of(new Found(id.get(), other));
            }
        }
        return Optional.empty();
    }
}
