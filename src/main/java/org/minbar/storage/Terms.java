package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of one kind of term (categories, tags or authors) by id and slug, and the articles
 * filed under them. Which term a posted name or slug means is {@code TermIdentity}'s to decide,
 * with {@link TermKeys}.
 */
public final class Terms {

    /** A term row. */
    public record Term(long id, String slug, String name) {}

    private final TermTable table;

    private Terms(TermTable table) {
        this.table = table;
    }

    public static Terms of(TermTable table) {
        return new Terms(table);
    }

    public static Terms categories() {
        return of(TermTable.CATEGORY);
    }

    public static Terms tags() {
        return of(TermTable.TAG);
    }

    public TermTable table() {
        return table;
    }

    /** The id of the term with this slug, inserted with this name if it is new (no keys: see {@code TermIdentity}). */
    public long upsert(Connection connection, String slug, String name) throws SQLException {
        Optional<Term> existing = findBySlug(connection, slug);
        return existing.isPresent() ? existing.get().id() : insert(connection, slug, name);
    }

    /** A new term; its slug must be free. */
    public long insert(Connection connection, String slug, String name) throws SQLException {
        execute(connection, "INSERT INTO " + table.table() + " (slug, name) VALUES (?, ?)", slug, name);
        return findBySlug(connection, slug).orElseThrow().id();
    }

    public Optional<Term> findBySlug(Connection connection, String slug) throws SQLException {
        return one(connection, "slug = ?", slug);
    }

    public Optional<Term> findById(Connection connection, long id) throws SQLException {
        return one(connection, "id = ?", id);
    }

    /** Gives the term another slug (free, or this one's already): its address changes, its keys stay. */
    public void rename(Connection connection, long id, String slug) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table.table() + " SET slug = ? WHERE id = ?")) {
            update.setString(1, slug);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** The articles filed under the term. */
    public List<Long> articles(Connection connection, long id) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT article_id FROM " + table.links() + " WHERE " + table.linkColumn() + " = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Files every article of {@code from} under {@code into} (an article under both is filed once),
     * then removes {@code from}. Returns the articles that were under {@code from}. Authors keep the
     * bio and address of {@code from} where {@code into} has none.
     */
    public List<Long> mergeInto(Connection connection, long from, long into) throws SQLException {
        List<Long> moved = articles(connection, from);
        String column = table.linkColumn();
        execute(connection, "INSERT INTO " + table.links() + " (article_id, " + column + ", position, published_at)"
                + " SELECT article_id, ?, position, published_at FROM " + table.links() + " WHERE " + column + " = ? ON CONFLICT DO NOTHING", into, from);
        execute(connection, "DELETE FROM " + table.links() + " WHERE " + column + " = ?", from);
        if (table == TermTable.AUTHOR) {
            execute(connection, "UPDATE authors SET bio = coalesce(bio, (SELECT bio FROM authors WHERE id = ?)),"
                    + " url = coalesce(url, (SELECT url FROM authors WHERE id = ?)) WHERE id = ?", from, from, into);
        }
        execute(connection, "DELETE FROM " + table.table() + " WHERE id = ?", from);
        return moved;
    }

    /** The terms that have no key yet (after the upgrade that brought keys), those with the oldest ids first. */
    public List<Term> unkeyed(Connection connection) throws SQLException {
        List<Term> terms = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, slug, name FROM " + table.table()
                + " t WHERE NOT EXISTS (SELECT 1 FROM term_keys k WHERE k.kind = ? AND k.term_id = t.id) ORDER BY id")) {
            query.setString(1, table.kind());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    terms.add(new Term(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return terms;
    }

    /** Every term, by name. */
    public List<Term> all(Connection connection) throws SQLException {
        List<Term> terms = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, slug, name FROM " + table.table() + " ORDER BY name");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                terms.add(new Term(rows.getLong(1), rows.getString(2), rows.getString(3)));
            }
        }
        return terms;
    }

    private Optional<Term> one(Connection connection, String where, Object value) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, slug, name FROM " + table.table() + " WHERE " + where)) {
            query.setObject(1, value);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Term(rows.getLong(1), rows.getString(2), rows.getString(3)))
                        : Optional.empty();
            }
        }
    }

    private static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
