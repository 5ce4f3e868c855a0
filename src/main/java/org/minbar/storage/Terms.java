package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table of named terms with unique slugs: categories and tags share this shape. The first name
 * seen for a slug is kept as its display name.
 */
public final class Terms {

    /** A term row. */
    public record Term(long id, String slug, String name) {}

    private final String table;

    private Terms(String table) {
        this.table = table;
    }

    public static Terms categories() {
        return new Terms("categories");
    }

    public static Terms tags() {
        return new Terms("tags");
    }

    /** The id of the term with this slug, inserted with this name if it is new. */
    public long upsert(Connection connection, String slug, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING")) {
            insert.setString(1, slug);
            insert.setString(2, name);
            insert.executeUpdate();
        }
        return findBySlug(connection, slug).orElseThrow().id();
    }

    public Optional<Term> findBySlug(Connection connection, String slug) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, slug, name FROM " + table + " WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Term(rows.getLong(1), rows.getString(2), rows.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** Every term, by name. */
    public List<Term> all(Connection connection) throws SQLException {
        List<Term> terms = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, slug, name FROM " + table + " ORDER BY name");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                terms.add(new Term(rows.getLong(1), rows.getString(2), rows.getString(3)));
            }
        }
        return terms;
    }
}
