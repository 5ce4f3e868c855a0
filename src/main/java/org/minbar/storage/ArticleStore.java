package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minbar.model.Article;
import org.minbar.model.Author;
import org.minbar.model.Category;
import org.minbar.model.RelatedReference;
import org.minbar.model.Tag;

/** Articles and their links to authors, categories, tags and related stories. */
public final class ArticleStore {

    private static final String COLUMNS = "id, feed_id, guid, url, path, title, summary, content, image, language,"
            + " published_at, updated_at, created_at, modified_at, deleted_at";

    public long insert(Connection connection, ArticleRow row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO articles (feed_id, guid, url, path, title, summary, content, image, language,"
                        + " published_at, updated_at, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " RETURNING id")) {
            insert.setString(1, row.feedId());
            Jdbc.setOptional(insert, 2, row.guid());
            Jdbc.setOptional(insert, 3, row.url());
            insert.setString(4, row.path());
            bindContent(insert, 5, row);
            insert.setLong(12, row.created().toEpochMilli());
            insert.setLong(13, row.modified().toEpochMilli());
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Replaces an article's content, keeping its feed id, page path and creation time; undeletes it. */
    public void replace(Connection connection, long id, ArticleRow row) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE articles SET guid = ?, url = ?, title = ?, summary = ?, content = ?, image = ?, language = ?,"
                        + " published_at = ?, updated_at = ?, modified_at = ?, deleted_at = NULL WHERE id = ?")) {
            Jdbc.setOptional(update, 1, row.guid());
            Jdbc.setOptional(update, 2, row.url());
            bindContent(update, 3, row);
            update.setLong(10, row.modified().toEpochMilli());
            update.setLong(11, id);
            update.executeUpdate();
        }
    }

    /** Binds title, summary, content, image, language, published, updated from {@code first} on. */
    private static void bindContent(PreparedStatement statement, int first, ArticleRow row) throws SQLException {
        statement.setString(first, row.title());
        statement.setString(first + 1, row.summary());
        statement.setString(first + 2, row.content());
        Jdbc.setOptional(statement, first + 3, row.image());
        statement.setString(first + 4, row.language());
        statement.setLong(first + 5, row.published().toEpochMilli());
        statement.setLong(first + 6, row.updated().toEpochMilli());
    }

    public void markDeleted(Connection connection, long id, Instant when) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE articles SET deleted_at = ?, modified_at = ? WHERE id = ?")) {
            update.setLong(1, when.toEpochMilli());
            update.setLong(2, when.toEpochMilli());
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /** Rewrites an article's authors, categories, tags and related references, in the given order. */
    public void replaceLinks(Connection connection, long id, Instant published, List<Long> authorIds,
                             List<Long> categoryIds, List<Long> tagIds, List<RelatedReference> related) throws SQLException {
        for (String table : List.of("article_authors", "article_categories", "article_tags", "related_links")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE article_id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
        insertLinks(connection, "INSERT INTO article_authors (article_id, author_id, position, published_at) VALUES (?, ?, ?, ?)",
                id, authorIds, published);
        insertLinks(connection, "INSERT INTO article_categories (article_id, category_id, position, published_at) VALUES (?, ?, ?, ?)",
                id, categoryIds, published);
        insertLinks(connection, "INSERT INTO article_tags (article_id, tag_id, position, published_at) VALUES (?, ?, ?, ?)",
                id, tagIds, published);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO related_links (article_id, position, title, url, target_guid) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < related.size(); i++) {
                insert.setLong(1, id);
                insert.setInt(2, i);
                insert.setString(3, related.get(i).title());
                Jdbc.setOptional(insert, 4, related.get(i).url());
                Jdbc.setOptional(insert, 5, related.get(i).guid());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertLinks(Connection connection, String sql, long articleId, List<Long> targetIds,
                                    Instant published) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < targetIds.size(); i++) {
                insert.setLong(1, articleId);
                insert.setLong(2, targetIds.get(i));
                insert.setInt(3, i);
                if (published != null) {
                    insert.setLong(4, published.toEpochMilli());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public Optional<Long> idByGuid(Connection connection, String guid) throws SQLException {
        return idWhere(connection, "guid", guid);
    }

    public Optional<Long> idByUrl(Connection connection, String url) throws SQLException {
        return idWhere(connection, "url", url);
    }

    public boolean pathTaken(Connection connection, String path) throws SQLException {
        return idWhere(connection, "path", path).isPresent();
    }

    public Optional<Long> idByPath(Connection connection, String path) throws SQLException {
        return idWhere(connection, "path", path);
    }

    private static Optional<Long> idWhere(Connection connection, String column, String value) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM articles WHERE " + column + " = ?")) {
            query.setString(1, value);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The article with this id, deleted or not. */
    public Optional<Article> find(Connection connection, long id) throws SQLException {
        List<Article> found = load(connection, List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The articles with these ids, whole, in the order of the ids given. */
    public List<Article> load(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Author>> authors = authorsOf(connection, ids);
        Map<Long, List<Category>> categories = new HashMap<>();
        termsOf(connection, ids, "article_categories", "category_id", "categories")
                .forEach((id, terms) -> categories.put(id, terms.stream().map(t -> new Category(t[0], t[1])).toList()));
        Map<Long, List<Tag>> tags = new HashMap<>();
        termsOf(connection, ids, "article_tags", "tag_id", "tags")
                .forEach((id, terms) -> tags.put(id, terms.stream().map(t -> new Tag(t[0], t[1])).toList()));
        Map<Long, List<RelatedReference>> related = relatedOf(connection, ids);

        Map<Long, Article> byId = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM articles WHERE id IN (" + Jdbc.placeholders(ids) + ")")) {
            Jdbc.bindLongs(query, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    byId.put(id, new Article(id, rows.getString("feed_id"),
                            Jdbc.optionalString(rows, "guid"), Jdbc.optionalString(rows, "url"), rows.getString("path"),
                            rows.getString("title"), rows.getString("summary"), rows.getString("content"),
                            authors.getOrDefault(id, List.of()), categories.getOrDefault(id, List.of()),
                            tags.getOrDefault(id, List.of()),
                            Jdbc.instant(rows, "published_at"), Jdbc.instant(rows, "updated_at"),
                            Jdbc.optionalString(rows, "image"), related.getOrDefault(id, List.of()),
                            rows.getString("language"), Jdbc.instant(rows, "created_at"),
                            Jdbc.instant(rows, "modified_at"), Jdbc.optionalInstant(rows, "deleted_at")));
                }
            }
        }
        List<Article> ordered = new ArrayList<>(ids.size());
        for (long id : ids) {
            Article article = byId.get(id);
            if (article != null) {
                ordered.add(article);
            }
        }
        return ordered;
    }

    private static Map<Long, List<Author>> authorsOf(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, List<Author>> authors = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT l.article_id, a.slug, a.name, a.bio, a.url FROM article_authors l JOIN authors a ON a.id = l.author_id"
                        + " WHERE l.article_id IN (" + Jdbc.placeholders(ids) + ") ORDER BY l.article_id, l.position")) {
            Jdbc.bindLongs(query, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    authors.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(AuthorStore.map(rows));
                }
            }
        }
        return authors;
    }

    /** Slug and name pairs of the terms linked through a join table, per article, in position order. */
    private static Map<Long, List<String[]>> termsOf(Connection connection, List<Long> ids, String joinTable,
                                                     String termColumn, String termTable) throws SQLException {
        Map<Long, List<String[]>> terms = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT l.article_id, t.slug, t.name FROM " + joinTable + " l JOIN " + termTable + " t ON t.id = l." + termColumn
                        + " WHERE l.article_id IN (" + Jdbc.placeholders(ids) + ") ORDER BY l.article_id, l.position")) {
            Jdbc.bindLongs(query, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    terms.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                            .add(new String[] {rows.getString(2), rows.getString(3)});
                }
            }
        }
        return terms;
    }

    private static Map<Long, List<RelatedReference>> relatedOf(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, List<RelatedReference>> related = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT article_id, title, url, target_guid FROM related_links WHERE article_id IN ("
                        + Jdbc.placeholders(ids) + ") ORDER BY article_id, position")) {
            Jdbc.bindLongs(query, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    related.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(new RelatedReference(
                            rows.getString(2), Jdbc.optionalString(rows, "url"), Jdbc.optionalString(rows, "target_guid")));
                }
            }
        }
        return related;
    }

    /**
     * Live articles whose publisher URL or guid is one of these addresses, by address: a related
     * headline that points at a story we hold links to our copy of it.
     */
    public Map<String, ArticleRef> liveByAddress(Connection connection, Collection<String> addresses) throws SQLException {
        Map<String, ArticleRef> found = new LinkedHashMap<>();
        if (addresses.isEmpty()) {
            return found;
        }
        String in = Jdbc.placeholders(addresses);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, guid, title, url, path FROM articles WHERE deleted_at IS NULL AND (url IN (" + in
                        + ") OR guid IN (" + in + "))")) {
            int index = 1;
            for (int pass = 0; pass < 2; pass++) {
                for (String address : addresses) {
                    query.setString(index++, address);
                }
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ArticleRef ref = ref(rows);
                    ref.url().filter(addresses::contains).ifPresent(url -> found.putIfAbsent(url, ref));
                    Optional.ofNullable(rows.getString("guid")).filter(addresses::contains)
                            .ifPresent(guid -> found.putIfAbsent(guid, ref));
                }
            }
        }
        return found;
    }

    /** Live articles with these guids, by guid. */
    public Map<String, ArticleRef> liveByGuid(Connection connection, Collection<String> guids) throws SQLException {
        Map<String, ArticleRef> found = new LinkedHashMap<>();
        if (guids.isEmpty()) {
            return found;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, guid, title, url, path FROM articles WHERE deleted_at IS NULL AND guid IN ("
                        + Jdbc.placeholders(guids) + ")")) {
            int index = 1;
            for (String guid : guids) {
                query.setString(index++, guid);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString("guid"), ref(rows));
                }
            }
        }
        return found;
    }

    /** Link data of these articles, in the order of the ids given (ids not found are left out). */
    public List<ArticleRef> refs(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleRef> refs = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, title, url, path FROM articles WHERE id IN (" + Jdbc.placeholders(ids) + ")")) {
            Jdbc.bindLongs(query, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    refs.put(rows.getLong("id"), ref(rows));
                }
            }
        }
        return ids.stream().map(refs::get).filter(java.util.Objects::nonNull).toList();
    }

    private static ArticleRef ref(ResultSet rows) throws SQLException {
        return new ArticleRef(rows.getLong("id"), rows.getString("title"), Jdbc.optionalString(rows, "url"), rows.getString("path"));
    }

    /** When anything last changed: the newest modification, including deletions. */
    public Optional<Instant> lastChange(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT max(modified_at) FROM articles");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            long value = rows.getLong(1);
            return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
        }
    }

    /** Live articles, most recently written first, one page of them: the AtomPub collection's order (app:edited). */
    public List<Long> liveByEdited(Connection connection, int limit, int offset) throws SQLException {
        List<Long> ids = new ArrayList<>(limit);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY modified_at DESC, id DESC LIMIT ? OFFSET ?")) {
            query.setInt(1, limit);
            query.setInt(2, offset);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    public long countLive(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM articles WHERE deleted_at IS NULL");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public long count(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM articles");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
