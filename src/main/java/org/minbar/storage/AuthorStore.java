package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minbar.model.Author;

/** Authors by slug. A later article may fill in or change an author's bio and URL, never erase them. */
public final class AuthorStore {

    /** The id of the author with this slug, created or refreshed from the given details (no keys: see {@code TermIdentity}). */
    public long upsert(Connection connection, Author author) throws SQLException {
        long id = Terms.of(TermTable.AUTHOR).upsert(connection, author.slug(), author.name());
        refresh(connection, id, author.bio(), author.url());
        return id;
    }

    /** A later article may fill in or change the author's bio and URL, never erase them. */
    public void refresh(Connection connection, long id, Optional<String> bio, Optional<String> url) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE authors SET bio = coalesce(?, bio), url = coalesce(?, url) WHERE id = ?")) {
            Jdbc.setOptional(update, 1, bio);
            Jdbc.setOptional(update, 2, url);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    public Optional<Long> idBySlug(Connection connection, String slug) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM authors WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    public Optional<Author> findBySlug(Connection connection, String slug) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT slug, name, bio, url FROM authors WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        }
    }

    public List<Author> all(Connection connection) throws SQLException {
        List<Author> authors = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT slug, name, bio, url FROM authors ORDER BY name");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                authors.add(map(rows));
            }
        }
        return authors;
    }

    static Author map(ResultSet rows) throws SQLException {
        return new Author(rows.getString("slug"), rows.getString("name"),
                Jdbc.optionalString(rows, "bio"), Jdbc.optionalString(rows, "url"));
    }
}
