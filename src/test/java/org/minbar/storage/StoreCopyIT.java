package org.minbar.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.config.SiteConfig;
import org.minbar.ingest.ArticleReaders;
import org.minbar.model.Submission;
import org.minbar.publish.SiteLinks;
import org.minbar.service.ArticleService;
import org.minbar.service.Derivation;
import org.minbar.service.FeedHistory;
import org.minbar.support.Postgres;

/**
 * The copy of a store into another, against a real PostgreSQL (support.Postgres, one server per test
 * JVM, a fresh database per test): every table's rows arrive whole with their ids, new rows get ids
 * past the copied ones, a second run adds nothing, an interrupted run is finished by the next, and a
 * target holding another store is refused.
 */
class StoreCopyIT {

    private static final SiteLinks LINKS = new SiteLinks(new SiteConfig("منبر", "وصف", "https://news.example", "ar", 20,
            12_000, 30, Map.of(), Map.of()));
    private static final String[] CATEGORIES = {"سياسة", "اقتصاد", "رياضة", "ثقافة"};
    private static final String[] AUTHORS = {"سارة المنصوري", "أحمد الخطيب", "ليلى حداد"};
    private static final String[] TAGS = {"مصر", "الأردن", "النفط", "كرة القدم", "الانتخابات"};
    private static final int ARTICLES = 60;

    static Postgres postgres;

    @TempDir
    Path folder;

    @BeforeAll
    static void server() throws Exception {
        postgres = Postgres.shared();
    }

    /** A SQLite store filled through the real services: articles, a deletion, marks, stats, a subscription. */
    static void fill(Path storage, String prefix, int articles) throws SQLException {
        try (Database database = Database.open(storage)) {
            ArticleService service = service(database);
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= articles; i++) {
                ids.add(publish(service, prefix, i));
            }
            service.delete(ids.get(2));
            database.write(connection -> {
                ChangeLog log = new ChangeLog();
                log.setMark(connection, "search-index", log.latest(connection) - 3);
                log.setMark(connection, "feeds", log.latest(connection));
                StatsStore stats = new StatsStore();
                stats.salt(connection, 20_000, () -> new byte[] {0, 1, 2, (byte) 0xff, (byte) 0x80, 42});
                stats.addPollers(connection, 20_000, "/feed/atom/", List.of(new byte[] {9, 8, 7}, new byte[] {(byte) 0xfe, 0}));
                stats.addPolls(connection, "/feed/atom/", 20_000, 12, 5);
                new SubscriptionStore().upsert(connection, "https://news.example/feed/atom/",
                        "https://reader.example/push/1", "سر", Instant.parse("2030-01-01T00:00:00Z"), Instant.now());
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO computed_related (article_id, position, related_id, score, reason)"
                            + " SELECT a.id, 0, b.id, 0.8125, '{\"shared\": [\"النفط\"]}' FROM articles a JOIN articles b"
                            + " ON b.id = a.id + 1 WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL");
                    statement.executeUpdate("INSERT INTO feed_validators (feed, format, etag, last_modified)"
                            + " VALUES ('site', 'atom', '\"abc\"', 1700000000000)");
                }
                return null;
            });
        }
    }

    static ArticleService service(Database database) {
        return new ArticleService(database, new ArticleReaders("https://news.example"), new FeedHistory(20),
                Derivation.leftToTheServer(database), LINKS, Clock.systemUTC());
    }

    static long publish(ArticleService service, String prefix, int i) {
        String json = String.format(Locale.ROOT, """
                {"guid": "urn:%s:%d", "url": "https://news.example/%s/%d",
                 "title": "خبر رقم %d عن %s", "summary": "ملخص الخبر %d",
                 "content": "<p>نص الخبر الكامل رقم %d: ارتفعت أسعار النفط واجتمع الوزراء.</p>",
                 "author": {"name": "%s"}, "categories": ["%s", "%s"], "tags": ["%s"],
                 "related": [{"title": "خبر ذو صلة", "url": "https://news.example/related/%d"}],
                 "published": "2024-03-%02dT%02d:00:00Z", "language": "ar"}
                """, prefix, i, prefix, i, i, TAGS[i % TAGS.length], i, i, AUTHORS[i % AUTHORS.length],
                CATEGORIES[i % CATEGORIES.length], CATEGORIES[(i + 1) % CATEGORIES.length], TAGS[i % TAGS.length], i,
                1 + i / 24, i % 24);
        return service.submit(new Submission("application/json", json.getBytes(StandardCharsets.UTF_8))).article().id();
    }

    static StoreCopy.Summary copy(Database source, Database target, int batch, StoreCopy.Progress progress) {
        return new StoreCopy(source, target, batch, progress).copy();
    }

    static final StoreCopy.Progress QUIET = (table, done, total) -> { };

    // ---- the copy

    @Test
    void everyTableArrivesWholeWithItsIdsAndNewRowsGetLaterIds() throws Exception {
        fill(folder, "a", ARTICLES);
        String url = postgres.createDatabase();
        try (Database source = Database.open(folder); Database target = PostgresDatabase.open(url, Optional.empty(), Optional.empty())) {
            StoreCopy.Summary summary = copy(source, target, 1_000, QUIET);
            assertTrue(summary.rows() > ARTICLES);
            for (String table : List.of("articles", "authors", "categories", "tags", "article_authors",
                    "article_categories", "article_tags", "related_links", "feed_validators", "computed_related",
                    "feed_entries", "websub_subscriptions", "changes", "change_marks", "term_keys", "stats_feed_days",
                    "stats_pollers", "stats_salts", "feed_counts")) {
                assertTrue(dump(source, table).size() > 0, table + " was filled, so its copy is tested");
            }
            assertSameStore(source, target);
            StoreCopy.Verification verification = new StoreCopy(source, target, 1_000, QUIET).verify();
            assertTrue(verification.ok(), verification.toString());
            assertEquals(StoreCopy.TABLES.size(), verification.counts().size());
            assertEquals(ARTICLES, count(target, "articles"));
            assertEquals(1L, count(target, "articles WHERE deleted_at IS NOT NULL"), "the deleted article came too");

            // Through the stores, not ArticleService: its FeedEntries spells SQLite's INDEXED BY, which PostgreSQL refuses.
            long largestArticle = max(source, "articles", "id");
            long largestChange = max(source, "changes", "seq");
            long id = target.write(connection -> {
                long article = new ArticleStore().insert(connection, new ArticleRow("urn:feed:after", Optional.of("urn:after:1"),
                        Optional.empty(), "/after-1/", "خبر بعد النقل", "ملخص", "<p>نص</p>", Optional.empty(), "ar",
                        Instant.parse("2024-04-01T10:00:00Z"), Instant.parse("2024-04-01T10:00:00Z"), Instant.now(), Instant.now()));
                long seq = new ChangeLog().append(connection, article, ChangeLog.Kind.CREATED, Instant.now(), List.of(), Instant.now());
                assertTrue(seq > largestChange, "the change log goes on after the copied positions: " + seq);
                return article;
            });
            assertTrue(id > largestArticle, "a new article's id " + id + " comes after the copied " + largestArticle);
            assertEquals(count(target, "articles WHERE deleted_at IS NULL"),
                    single(target, "SELECT live FROM feed_counts WHERE kind = 'site' AND term_id = 0"),
                    "the triggers go on counting from the copied counts");
            for (String insert : List.of(
                    "INSERT INTO authors (slug, name) VALUES ('new-author', 'كاتب جديد') RETURNING id",
                    "INSERT INTO categories (slug, name) VALUES ('new-category', 'تصنيف جديد') RETURNING id",
                    "INSERT INTO tags (slug, name) VALUES ('new-tag', 'وسم جديد') RETURNING id",
                    "INSERT INTO websub_subscriptions (topic, callback, expires_at, created_at, renewed_at)"
                            + " VALUES ('t', 'https://c.example/', 1, 1, 1) RETURNING id",
                    "INSERT INTO websub_deliveries (subscription_id, next_attempt_at, created_at)"
                            + " VALUES ((SELECT max(id) FROM websub_subscriptions), 1, 1) RETURNING id",
                    "INSERT INTO websub_hub_pings (hub, topic, next_attempt_at, created_at) VALUES ('h', 't', 1, 1) RETURNING id")) {
                String table = insert.split(" ")[2];
                long largest = max(source, table, "id");
                long fresh = target.write(connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(insert);
                         ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                });
                assertTrue(fresh > largest, table + ": a new id " + fresh + " comes after the copied " + largest);
            }
        }
    }

    @Test
    void theSchemaSpeaksOfEveryTableTheCopyKnows() throws Exception {
        String url = postgres.createDatabase();
        try (Database sqlite = Database.open(folder); Database pg = PostgresDatabase.open(url, Optional.empty(), Optional.empty())) {
            List<String> known = StoreCopy.TABLES.stream().map(StoreCopy.Table::name).sorted().toList();
            assertEquals(23, known.size());
            assertEquals(known, sqlite.read(connection -> names(connection,
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                            + " AND name <> 'schema_migrations' ORDER BY name")));
            assertEquals(known, pg.read(connection -> names(connection,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                            + " AND table_name <> 'schema_migrations' ORDER BY table_name")));
        }
    }

    @Test
    void aSecondRunAddsNothing() throws Exception {
        fill(folder, "a", ARTICLES);
        String url = postgres.createDatabase();
        try (Database source = Database.open(folder); Database target = PostgresDatabase.open(url, Optional.empty(), Optional.empty())) {
            copy(source, target, 100, QUIET);
            Map<String, List<List<Object>>> first = dumpAll(target);
            StoreCopy.Summary again = copy(source, target, 100, QUIET);
            assertEquals(count(source, "feed_counts"), again.rows(), "only feed_counts is written again (replaced, not added)");
            assertEquals(first, dumpAll(target));
            assertSameStore(source, target);
        }
    }

    @Test
    void anInterruptedCopyIsFinishedByTheNextRun() throws Exception {
        fill(folder, "a", ARTICLES);
        String url = postgres.createDatabase();
        try (Database source = Database.open(folder); Database target = PostgresDatabase.open(url, Optional.empty(), Optional.empty())) {
            // Stopped after 3 batches (inside articles), then after 25 more (a later table), then after 60 more.
            for (int stopAfter : new int[] {3, 25, 60}) {
                AtomicInteger batches = new AtomicInteger();
                StoreCopy.Progress stopping = (table, done, total) -> {
                    if (done > 0 && batches.incrementAndGet() > stopAfter) {
                        throw new IllegalStateException("killed after " + stopAfter + " batches, in " + table);
                    }
                };
                IllegalStateException killed = assertThrows(IllegalStateException.class,
                        () -> copy(source, target, 7, stopping));
                assertTrue(killed.getMessage().startsWith("killed"));
                assertFalse(new StoreCopy(source, target, 7, QUIET).verify().ok(), "the copy is not finished yet");
            }
            copy(source, target, 5, QUIET);
            assertTrue(new StoreCopy(source, target, 5, QUIET).verify().ok());
            assertSameStore(source, target);
        }
    }

    @Test
    void aTargetHoldingAnotherStoreIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path other = folder.resolve("other");
        fill(folder, "a", 20);
        fill(other, "b", 20);
        String url = postgres.createDatabase();
        try (Database first = Database.open(folder); Database second = Database.open(other);
             Database target = PostgresDatabase.open(url, Optional.empty(), Optional.empty())) {
            copy(first, target, 1_000, QUIET);
            Map<String, List<List<Object>>> before = dumpAll(target);
            StoreCopy.Refused refused = assertThrows(StoreCopy.Refused.class, () -> copy(second, target, 1_000, QUIET));
            assertTrue(refused.getMessage().contains("already holds a different store"), refused.getMessage());
            assertEquals(before, dumpAll(target), "nothing was written");
        }
    }

    @Test
    void aSourceAtAnotherSchemaVersionIsRefused() throws Exception {
        fill(folder, "a", 3);
        try (Database source = Database.open(folder)) {
            source.write(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO schema_migrations (version, name, checksum, applied_at)"
                            + " VALUES (" + (Migrations.FILES.size() + 1) + ", '999_future.sql', 'x', 'now')");
                }
                return null;
            });
        }
        String url = postgres.createDatabase();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = org.minbar.MainAccess.execute(out, err, "migrate", "--from", folder.resolve("minbar.db").toString(), "--to", url);
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("schema version " + (Migrations.FILES.size() + 1)), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "one clear line: " + err);
    }

    @Test
    void aPostgresStoreCopiesBackIntoSqliteUnchanged() throws Exception {
        fill(folder, "a", 25);
        String url = postgres.createDatabase();
        Path back = folder.resolve("back");
        try (Database source = Database.open(folder); Database pg = PostgresDatabase.open(url, Optional.empty(), Optional.empty())) {
            copy(source, pg, 10, QUIET);
            try (Database sqlite = Database.open(back)) {
                copy(pg, sqlite, 10, QUIET);
                assertSameStore(source, sqlite);
                long id = service(sqlite).submit(new Submission("application/json",
                        "{\"guid\": \"urn:back:1\", \"title\": \"عودة\", \"content\": \"<p>نص</p>\"}".getBytes(StandardCharsets.UTF_8)))
                        .article().id();
                assertTrue(id > max(source, "articles", "id"));
            }
        }
    }

    @Test
    void textWhereANumberBelongsStopsTheCopyInsteadOfBecomingZero() throws Exception {
        fill(folder, "a", 3);
        try (Database source = Database.open(folder)) {
            source.write(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE stats_feed_days SET polls = 'many'"); // SQLite keeps text in any column
                }
                return null;
            });
            try (Database target = PostgresDatabase.open(postgres.createDatabase(), Optional.empty(), Optional.empty())) {
                StorageException stopped = assertThrows(StorageException.class, () -> copy(source, target, 1_000, QUIET));
                assertTrue(stopped.getMessage().contains("polls holds 'many' where a number belongs"), stopped.getMessage());
            }
        }
    }

    // ---- the command

    @Test
    void theCommandCopiesAndPrintsTheCountsSideBySide() throws Exception {
        fill(folder, "a", ARTICLES);
        String url = postgres.createDatabase();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = org.minbar.MainAccess.execute(out, err, "migrate", "--from", folder.resolve("minbar.db").toString(),
                "--to", url, "--batch", "25");
        assertEquals(0, exit, out + "\n" + err);
        String printed = out.toString();
        assertTrue(printed.contains("articles                           25 / 60   41%"), printed);
        assertTrue(printed.contains("articles                           60 / 60  100%"), printed);
        assertTrue(printed.contains("verification"), printed);
        for (StoreCopy.Table table : StoreCopy.TABLES) {
            assertTrue(printed.lines().anyMatch(line -> line.trim().startsWith(table.name() + " ") && line.endsWith("ok")),
                    table.name() + " is verified: " + printed);
        }
        assertTrue(printed.matches("(?s).*articles +60 +60  ok.*"), printed);
        assertTrue(printed.contains("rows/s"), printed);

        StringWriter again = new StringWriter();
        assertEquals(0, org.minbar.MainAccess.execute(again, err, "migrate", "--from", folder.toString(), "--to", url));
        assertTrue(again.toString().contains("articles                           60 / 60  100%"), again.toString());
    }

    @Test
    void theCommandRefusesATargetHoldingAnotherStoreInOneLine() throws Exception {
        Path other = folder.resolve("other");
        fill(folder, "a", 5);
        fill(other, "b", 5);
        String url = postgres.createDatabase();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, org.minbar.MainAccess.execute(out, err, "migrate", "--from", folder.toString(), "--to", url));
        assertEquals(2, org.minbar.MainAccess.execute(out, err, "migrate", "--from", other.toString(), "--to", url));
        assertTrue(err.toString().startsWith("minbar migrate: the target ") && err.toString().contains("already holds a different store"),
                err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void theCommandRefusesAMissingSourceAndCreatesNothing() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path missing = folder.resolve("nowhere").resolve("minbar.db");
        assertEquals(2, org.minbar.MainAccess.execute(out, err, "migrate", "--from", missing.toString(),
                "--to", postgres.createDatabase()));
        assertTrue(err.toString().contains("no such store"), err.toString());
        assertFalse(missing.toFile().exists());
    }

    // ---- comparing stores

    /** Every table's rows, each as column = value pairs, ordered by primary key: equal on both sides. */
    static void assertSameStore(Database expected, Database actual) throws SQLException {
        for (StoreCopy.Table table : StoreCopy.TABLES) {
            assertEquals(dump(expected, table.name()), dump(actual, table.name()), table.name());
        }
    }

    static Map<String, List<List<Object>>> dumpAll(Database database) throws SQLException {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        for (StoreCopy.Table table : StoreCopy.TABLES) {
            tables.put(table.name(), dump(database, table.name()));
        }
        return tables;
    }

    /** A table's rows ordered by its primary key (compared here, so both engines' collations agree). */
    static List<List<Object>> dump(Database database, String table) throws SQLException {
        List<String> key = StoreCopy.TABLES.stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().key();
        List<Map<String, Object>> rows = database.read(connection -> {
            List<Map<String, Object>> found = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new TreeMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), normal(result.getObject(i)));
                    }
                    found.add(row);
                }
            }
            return found;
        });
        rows.sort((a, b) -> {
            for (String column : key) {
                Object x = a.get(column);
                Object y = b.get(column);
                int order = x instanceof Long l ? Long.compare(l, (Long) y) : String.valueOf(x).compareTo(String.valueOf(y));
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        });
        List<List<Object>> lists = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>();
            row.forEach((column, value) -> {
                values.add(column);
                values.add(value);
            });
            lists.add(values);
        }
        return lists;
    }

    private static Object normal(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof byte[] bytes) {
            return "x'" + HexFormat.of().formatHex(bytes) + "'";
        }
        return value;
    }

    static long count(Database database, String tableAndCondition) {
        return single(database, "SELECT count(*) FROM " + tableAndCondition);
    }

    static long max(Database database, String table, String column) {
        return single(database, "SELECT coalesce(max(" + column + "), 0) FROM " + table);
    }

    static long single(Database database, String sql) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), sql);
                return rows.getLong(1);
            }
        });
    }

    private static List<String> names(Connection connection, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    static PrintWriter writer(StringWriter text) {
        return new PrintWriter(text, true);
    }
}
