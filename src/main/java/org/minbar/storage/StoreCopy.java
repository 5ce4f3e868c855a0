package org.minbar.storage;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Copies one store into another, whichever engines hold them (the case that matters: the SQLite file
 * into an empty PostgreSQL database), through {@link Database#read} and {@link Database#write} only.
 * Every table of the schema is copied with its rows' ids, in an order that respects the foreign keys,
 * in batches read in primary-key order with keyset paging, so memory stays flat however large the
 * store. Each batch is committed in one write, so the target always holds, table by table, a prefix of
 * the source's rows in the source's order: a copy stopped at any point (killed, the server gone) is
 * resumed by running it again, from the row after the target's last, and ends identical; rows are
 * inserted with ON CONFLICT DO NOTHING on their key besides, so nothing is ever doubled. A target that
 * holds rows of another store is refused before anything is written.
 *
 * <p>feed_counts is kept by triggers on the target as articles and links are inserted, so it is copied
 * last and replaced whole (its first batch deletes what the triggers made). After the copy each
 * identity sequence of a PostgreSQL target is set past the largest id, so new rows never collide.
 *
 * <p>The source must not be written meanwhile: a server writing into it would leave a copy that
 * differs, which {@link #verify} then reports (rows counted on both sides) but nothing here prevents.
 */
public final class StoreCopy {

    /** A table of the schema and the columns of its primary key, in copy order. */
    public record Table(String name, List<String> key) {

        Table(String name, String... key) {
            this(name, List.of(key));
        }
    }

    /** Every table of the schema at {@link Migrations#FILES}'s last version, parents before children; feed_counts last. */
    public static final List<Table> TABLES = List.of(
            new Table("articles", "id"),
            new Table("authors", "id"),
            new Table("categories", "id"),
            new Table("tags", "id"),
            new Table("article_authors", "article_id", "author_id"),
            new Table("article_categories", "article_id", "category_id"),
            new Table("article_tags", "article_id", "tag_id"),
            new Table("related_links", "article_id", "position"),
            new Table("feed_validators", "feed", "format"),
            new Table("computed_related", "article_id", "position"),
            new Table("feed_versions", "feed", "format", "etag"),
            new Table("feed_entries", "kind", "term_id", "article_id"),
            new Table("websub_subscriptions", "id"),
            new Table("websub_deliveries", "id"),
            new Table("websub_hub_pings", "id"),
            new Table("changes", "seq"),
            new Table("change_marks", "follower"),
            new Table("term_keys", "kind", "key"),
            new Table("stats_feed_days", "feed", "day"),
            new Table("stats_aggregator_counts", "feed", "day", "aggregator", "feed_id"),
            new Table("stats_pollers", "day", "feed", "poller"),
            new Table("stats_salts", "day"),
            new Table("feed_counts", "kind", "term_id"));

    /** The table the triggers keep: replaced whole, after every other. */
    static final String TRIGGER_KEPT = "feed_counts";

    /** Tables whose ids a PostgreSQL identity hands out, and the id column. */
    private static final List<List<String>> IDENTITIES = List.of(
            List.of("articles", "id"), List.of("authors", "id"), List.of("categories", "id"), List.of("tags", "id"),
            List.of("websub_subscriptions", "id"), List.of("websub_deliveries", "id"), List.of("websub_hub_pings", "id"),
            List.of("changes", "seq"));

    public static final int DEFAULT_BATCH = 1_000;

    /** Told after each committed batch; throwing from it stops the copy there (tests use this to interrupt one). */
    @FunctionalInterface
    public interface Progress {
        void copied(String table, long done, long total);
    }

    /** The source or target cannot be copied from or into as they are: nothing was written. */
    public static final class Refused extends StorageException {
        public Refused(String message) {
            super(message);
        }
    }

    /** One table's rows on each side after the copy. */
    public record Count(String table, long source, long target) {
        public boolean equal() {
            return source == target;
        }
    }

    /** Every table's rows on both sides; the copy is good when all are equal (and feed_counts' values are). */
    public record Verification(List<Count> counts, List<String> differing) {
        public boolean ok() {
            return differing.isEmpty();
        }
    }

    /** What one run copied. */
    public record Summary(long rows, long nanos) {
        public double rowsPerSecond() {
            return nanos == 0 ? 0 : rows * 1e9 / nanos;
        }
    }

    enum Kind { LONG, DOUBLE, BYTES, TEXT }

    private final Database source;
    private final Database target;
    private final int batch;
    private final Progress progress;

    public StoreCopy(Database source, Database target, int batch, Progress progress) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        this.source = Objects.requireNonNull(source);
        this.target = Objects.requireNonNull(target);
        this.batch = batch;
        this.progress = Objects.requireNonNull(progress);
    }

    /**
     * Copies what the target lacks, after checking that both are at this build's schema version and that
     * the target holds nothing but a prefix of this same store; then moves the target's sequences on.
     */
    public Summary copy() {
        checkSchema(source, "source");
        checkSchema(target, "target");
        List<Long> sourceCounts = new ArrayList<>();
        List<Long> targetCounts = new ArrayList<>();
        for (Table table : TABLES) {
            sourceCounts.add(count(source, table.name()));
            targetCounts.add(count(target, table.name()));
        }
        for (int i = 0; i < TABLES.size(); i++) {
            checkSameStore(TABLES.get(i), sourceCounts.get(i), targetCounts.get(i));
        }
        long started = System.nanoTime();
        long rows = 0;
        for (int i = 0; i < TABLES.size(); i++) {
            rows += copyTable(TABLES.get(i), sourceCounts.get(i), targetCounts.get(i));
        }
        moveSequencesOn();
        return new Summary(rows, System.nanoTime() - started);
    }

    /** Counts every table's rows on both sides, and compares feed_counts' values too. */
    public Verification verify() {
        List<Count> counts = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (Table table : TABLES) {
            Count count = new Count(table.name(), count(source, table.name()), count(target, table.name()));
            counts.add(count);
            if (!count.equal()) {
                differing.add(table.name());
            }
        }
        if (!differing.contains(TRIGGER_KEPT) && !sameRows(find(TRIGGER_KEPT))) {
            differing.add(TRIGGER_KEPT + " (values)");
        }
        return new Verification(List.copyOf(counts), List.copyOf(differing));
    }

    private static Table find(String name) {
        return TABLES.stream().filter(table -> table.name().equals(name)).findFirst().orElseThrow();
    }

    /** The schema version this build knows; a store at another cannot be copied by it. */
    public static int knownVersion() {
        return Migrations.FILES.size();
    }

    private static void checkSchema(Database database, String side) {
        int version = database.read(Migrations::currentVersion);
        if (version != knownVersion()) {
            throw new Refused("the " + side + " store " + database.describe() + " is at schema version " + version
                    + " but this build knows version " + knownVersion() + (version > knownVersion()
                    ? "; use the build that wrote it" : "; open it once with this build (minbar serve) first"));
        }
    }

    private static long count(Database database, String table) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    // ---- refusing a target that holds another store

    /**
     * The target may hold only what an earlier run of this copy wrote: for each table, the source's
     * first rows in key order, as they are in the source. Its first and last rows are compared whole,
     * and every article's feed_id (the id feeds carry, fixed at creation) is compared by id.
     */
    private void checkSameStore(Table table, long sourceCount, long targetCount) {
        if (table.name().equals(TRIGGER_KEPT) || targetCount == 0) {
            return;
        }
        if (targetCount > sourceCount) {
            throw differentStore(table.name() + " has " + targetCount + " rows there but " + sourceCount + " in the source");
        }
        for (long offset : new long[] {0, targetCount - 1}) {
            List<Object> key = keyAt(table, offset);
            List<Object> in = rowByKey(source, table, key);
            List<Object> there = rowByKey(target, table, key);
            if (there == null) {
                throw differentStore(table.name() + " lacks the row " + show(key) + " that its first " + targetCount
                        + " rows would hold if an earlier copy had written them");
            }
            if (!in.equals(there)) {
                throw differentStore(table.name() + " row " + show(key) + " differs from the source's");
            }
        }
        if (table.name().equals("articles")) {
            checkFeedIds();
        }
    }

    private void checkFeedIds() {
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<Object[]> there = target.read(connection -> idsAndFeedIds(connection, from));
            if (there.isEmpty()) {
                return;
            }
            long first = (Long) there.get(0)[0];
            long last = (Long) there.get(there.size() - 1)[0];
            java.util.Map<Long, String> here = source.read(connection -> {
                java.util.Map<Long, String> found = new java.util.HashMap<>();
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT id, feed_id FROM articles WHERE id >= ? AND id <= ?")) {
                    query.setLong(1, first);
                    query.setLong(2, last);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            found.put(rows.getLong(1), rows.getString(2));
                        }
                    }
                }
                return found;
            });
            for (Object[] row : there) {
                if (!row[1].equals(here.get((Long) row[0]))) {
                    throw differentStore("its article " + row[0] + " has feed_id " + row[1] + " but the source's "
                            + (here.containsKey((Long) row[0]) ? "has " + here.get((Long) row[0]) : "has no such article"));
                }
            }
            after = last;
        }
    }

    private List<Object[]> idsAndFeedIds(Connection connection, long after) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, feed_id FROM articles WHERE id > ? ORDER BY id LIMIT ?")) {
            query.setLong(1, after);
            query.setInt(2, Math.max(batch, 1_000));
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    rows.add(new Object[] {found.getLong(1), found.getString(2)});
                }
            }
        }
        return rows;
    }

    private Refused differentStore(String detail) {
        return new Refused("the target " + target.describe() + " already holds a different store (" + detail
                + "); copy into an empty database");
    }

    // ---- copying

    private long copyTable(Table table, long total, long alreadyThere) {
        boolean replace = table.name().equals(TRIGGER_KEPT);
        long done = replace ? 0 : alreadyThere;
        List<Object> after = replace || alreadyThere == 0 ? null : keyAt(table, alreadyThere - 1);
        progress.copied(table.name(), done, total);
        long copied = 0;
        boolean first = true;
        while (done < total || (replace && first)) {
            List<Object> from = after;
            Page page = source.read(connection -> page(connection, table, from));
            boolean clear = replace && first;
            first = false;
            if (page.rows().isEmpty() && !clear) {
                break; // the source has fewer rows than it had counted: verify() reports it
            }
            target.write(connection -> {
                if (clear) {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("DELETE FROM " + table.name());
                    }
                }
                insert(connection, table, page, replace);
                return null;
            });
            if (page.rows().isEmpty()) {
                break;
            }
            done += page.rows().size();
            copied += page.rows().size();
            after = page.lastKey();
            progress.copied(table.name(), done, total);
        }
        return copied;
    }

    /** A batch of a table's rows in key order: its columns, their kinds, the values, and the last row's key. */
    private record Page(List<String> columns, List<Kind> kinds, List<List<Object>> rows, List<Object> lastKey) {}

    private Page page(Connection connection, Table table, List<Object> after) throws SQLException {
        String order = String.join(", ", table.key());
        String sql = "SELECT * FROM " + table.name()
                + (after == null ? "" : " WHERE (" + order + ") > (" + marks(table.key().size()) + ")")
                + " ORDER BY " + order + " LIMIT " + batch;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (after != null) {
                bindKey(query, 1, after);
            }
            try (ResultSet found = query.executeQuery()) {
                ResultSetMetaData meta = found.getMetaData();
                List<String> columns = new ArrayList<>();
                List<Kind> kinds = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                    kinds.add(kind(meta, i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (found.next()) {
                    rows.add(values(found, kinds));
                }
                List<Object> lastKey = rows.isEmpty() ? after : keyOf(table, columns, rows.get(rows.size() - 1));
                return new Page(columns, kinds, rows, lastKey);
            }
        }
    }

    private static void insert(Connection connection, Table table, Page page, boolean replace) throws SQLException {
        if (page.rows().isEmpty()) {
            return;
        }
        String conflict = " ON CONFLICT (" + String.join(", ", table.key()) + ") ";
        String onConflict;
        if (replace) {
            List<String> rest = page.columns().stream().filter(column -> !table.key().contains(column)).toList();
            onConflict = conflict + "DO UPDATE SET "
                    + rest.stream().map(column -> column + " = excluded." + column).collect(Collectors.joining(", "));
        } else {
            onConflict = conflict + "DO NOTHING";
        }
        String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", page.columns()) + ") VALUES ("
                + marks(page.columns().size()) + ")" + onConflict;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (List<Object> row : page.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    bind(insert, i + 1, page.kinds().get(i), row.get(i));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Sets each identity of a PostgreSQL target past the largest id copied (the change log's past every follower's mark too). */
    private void moveSequencesOn() {
        if (target.dialect() != Dialect.POSTGRESQL) {
            return; // SQLite gives max(rowid) + 1, and keeps AUTOINCREMENT's sqlite_sequence as explicit ids are inserted
        }
        target.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (List<String> identity : IDENTITIES) {
                    String table = identity.get(0);
                    String column = identity.get(1);
                    String largest = table.equals("changes")
                            ? "greatest(max(seq), (SELECT max(seq) FROM change_marks WHERE follower <> '" + ChangeLog.LISTS + "'))" : "max(" + column + ")";
                    statement.executeQuery("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), coalesce("
                            + largest + ", 0) + 1, false) FROM " + table).close();
                }
            }
            return null;
        });
    }

    // ---- rows and keys

    /** The key of the source's row at this offset in key order. */
    private List<Object> keyAt(Table table, long offset) {
        return source.read(connection -> {
            String order = String.join(", ", table.key());
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + order + " FROM " + table.name() + " ORDER BY " + order + " LIMIT 1 OFFSET ?")) {
                query.setLong(1, offset);
                try (ResultSet found = query.executeQuery()) {
                    if (!found.next()) {
                        throw new StorageException("the source's " + table.name() + " has no row " + (offset + 1)
                                + "; is a server writing into it?");
                    }
                    ResultSetMetaData meta = found.getMetaData();
                    List<Kind> kinds = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        kinds.add(kind(meta, i));
                    }
                    return values(found, kinds);
                }
            }
        });
    }

    /** A whole row, found by its key; null when there is none. */
    private static List<Object> rowByKey(Database database, Table table, List<Object> key) {
        return database.read(connection -> {
            String where = table.key().stream().map(column -> column + " = ?").collect(Collectors.joining(" AND "));
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT * FROM " + table.name() + " WHERE " + where)) {
                bindKey(query, 1, key);
                try (ResultSet found = query.executeQuery()) {
                    return found.next() ? named(found) : null;
                }
            }
        });
    }

    /** A row as column name = value pairs in name order, so two engines' column orders compare alike. */
    private static List<Object> named(ResultSet found) throws SQLException {
        ResultSetMetaData meta = found.getMetaData();
        java.util.TreeMap<String, Object> byName = new java.util.TreeMap<>();
        List<Kind> kinds = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            kinds.add(kind(meta, i));
        }
        List<Object> values = values(found, kinds);
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            byName.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), values.get(i - 1));
        }
        List<Object> row = new ArrayList<>();
        byName.forEach((name, value) -> {
            row.add(name);
            row.add(value);
        });
        return row;
    }

    /** Whether a (small) table holds the same rows on both sides, compared whole. */
    private boolean sameRows(Table table) {
        return allRows(source, table).equals(allRows(target, table));
    }

    private static java.util.Set<List<Object>> allRows(Database database, Table table) {
        return database.read(connection -> {
            java.util.Set<List<Object>> rows = new java.util.HashSet<>();
            try (Statement statement = connection.createStatement();
                 ResultSet found = statement.executeQuery("SELECT * FROM " + table.name())) {
                while (found.next()) {
                    rows.add(named(found));
                }
            }
            return rows;
        });
    }

    private static List<Object> keyOf(Table table, List<String> columns, List<Object> row) {
        List<Object> key = new ArrayList<>();
        for (String column : table.key()) {
            int index = columns.indexOf(column);
            if (index < 0) {
                throw new StorageException("the source's " + table.name() + " has no column " + column);
            }
            key.add(row.get(index));
        }
        return key;
    }

    /** The kind of a result's column, from the JDBC type its engine reports, else the type's name. */
    private static Kind kind(ResultSetMetaData meta, int column) throws SQLException {
        switch (meta.getColumnType(column)) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT:
                return Kind.LONG;
            case Types.DOUBLE, Types.FLOAT, Types.REAL:
                return Kind.DOUBLE;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB:
                return Kind.BYTES;
            default:
                return kind(meta.getColumnTypeName(column));
        }
    }

    /** The kind of a column from its type's name: SQLite's declared type (INTEGER, REAL, BLOB), PostgreSQL's own (int8, bigserial). */
    static Kind kind(String typeName) {
        String type = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (type.contains("INT") || type.contains("SERIAL")) {
            return Kind.LONG;
        }
        if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
            return Kind.DOUBLE;
        }
        if (type.contains("BLOB") || type.contains("BYTEA") || type.contains("BINARY")) {
            return Kind.BYTES;
        }
        return Kind.TEXT;
    }

    /** The row's values: Long, Double, String, or the bytes wrapped so that equal contents are equal; null for NULL. */
    private static List<Object> values(ResultSet found, List<Kind> kinds) throws SQLException {
        List<Object> values = new ArrayList<>(kinds.size());
        for (int i = 0; i < kinds.size(); i++) {
            int column = i + 1;
            Object value = switch (kinds.get(i)) {
                case LONG -> {
                    long number = found.getLong(column);
                    if (found.wasNull()) {
                        yield null;
                    }
                    yield number == 0 ? checkedNumber(found, column, 0L) : number;
                }
                case DOUBLE -> {
                    double number = found.getDouble(column);
                    if (found.wasNull()) {
                        yield null;
                    }
                    yield number == 0 ? checkedNumber(found, column, 0.0) : number;
                }
                case BYTES -> {
                    byte[] bytes = found.getBytes(column);
                    yield bytes == null ? null : ByteBuffer.wrap(bytes);
                }
                case TEXT -> found.getString(column);
            };
            values.add(value);
        }
        return values;
    }

    /**
     * A zero read from a number column, unless the column holds text there: SQLite keeps any value in
     * any column, and its driver reads text that is not a number as 0, which would be copied silently.
     */
    private static Object checkedNumber(ResultSet found, int column, Object zero) throws SQLException {
        Object value = found.getObject(column);
        if (value instanceof Number) {
            return zero;
        }
        throw new StorageException("the column " + found.getMetaData().getColumnName(column) + " holds '" + value
                + "' where a number belongs; mend that row in the source first");
    }

    private static void bindKey(PreparedStatement statement, int first, List<Object> key) throws SQLException {
        for (int i = 0; i < key.size(); i++) {
            Object value = key.get(i);
            Kind kind = value instanceof Long ? Kind.LONG : value instanceof Double ? Kind.DOUBLE
                    : value instanceof ByteBuffer ? Kind.BYTES : Kind.TEXT;
            bind(statement, first + i, kind, value);
        }
    }

    private static void bind(PreparedStatement statement, int index, Kind kind, Object value) throws SQLException {
        switch (kind) {
            case LONG -> {
                if (value == null) {
                    statement.setNull(index, Types.BIGINT);
                } else {
                    statement.setLong(index, (Long) value);
                }
            }
            case DOUBLE -> {
                if (value == null) {
                    statement.setNull(index, Types.DOUBLE);
                } else {
                    statement.setDouble(index, (Double) value);
                }
            }
            case BYTES -> {
                if (value == null) {
                    statement.setNull(index, Types.BINARY);
                } else {
                    ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    statement.setBytes(index, bytes);
                }
            }
            case TEXT -> statement.setString(index, (String) value);
        }
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static String show(List<Object> key) {
        return key.stream().map(value -> value instanceof ByteBuffer buffer
                ? "x'" + HexFormat.of().formatHex(buffer.array()) + "'" : String.valueOf(value))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** Where a store named on the command line is: a PostgreSQL address, or the folder of a SQLite file. */
    public record Location(Optional<String> url, java.nio.file.Path folder) {

        /**
         * {@code jdbc:postgresql://…}, or a SQLite store: its file (named {@value SqliteDatabase#FILE_NAME})
         * or the folder holding it.
         */
        public static Location parse(String text) {
            if (text.startsWith("jdbc:")) {
                if (!text.startsWith("jdbc:postgresql:")) {
                    throw new Refused("not a store address: " + PostgresDatabase.redact(text)
                            + " (expected jdbc:postgresql://host:port/database, or a SQLite file or folder)");
                }
                return new Location(Optional.of(text), java.nio.file.Path.of("."));
            }
            java.nio.file.Path path = java.nio.file.Path.of(text);
            java.nio.file.Path name = path.getFileName();
            if (name != null && name.toString().equals(SqliteDatabase.FILE_NAME)) {
                java.nio.file.Path parent = path.toAbsolutePath().getParent();
                return new Location(Optional.empty(), parent);
            }
            if (name != null && name.toString().endsWith(".db")) {
                throw new Refused(text + ": a SQLite store is a file named " + SqliteDatabase.FILE_NAME
                        + "; give that file or its folder");
            }
            return new Location(Optional.empty(), path);
        }

        public boolean isSqlite() {
            return url.isEmpty();
        }

        public java.nio.file.Path file() {
            return folder.resolve(SqliteDatabase.FILE_NAME);
        }

        /** Opens it, bringing its schema up to this build's (a SQLite file is created if missing). */
        public Database open(Optional<String> user, Optional<String> password) {
            return Database.open(url, user, password, folder);
        }

        /** Whether two locations name the same store, as far as their text tells. */
        public boolean sameAs(Location other) {
            if (isSqlite() != other.isSqlite()) {
                return false;
            }
            return isSqlite() ? folder.toAbsolutePath().normalize().equals(other.folder.toAbsolutePath().normalize())
                    : url.equals(other.url);
        }

        public String describe() {
            return url.map(PostgresDatabase::redact).orElse(file().toString());
        }
    }
}
