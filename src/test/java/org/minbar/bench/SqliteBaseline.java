package org.minbar.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * What SQLite alone does at Minbar's durability, in this process: the same generated articles
 * inserted into a table shaped like Minbar's articles table (its columns, unique keys and
 * indexes, from migration 001) in a fresh file, WAL and synchronous=FULL as Database opens it,
 * one article per transaction or many.
 */
final class SqliteBaseline {

    private static final String SCHEMA = """
            CREATE TABLE articles (
                id           INTEGER PRIMARY KEY,
                feed_id      TEXT    NOT NULL UNIQUE,
                guid         TEXT    UNIQUE,
                url          TEXT    UNIQUE,
                path         TEXT    NOT NULL UNIQUE,
                title        TEXT    NOT NULL,
                summary      TEXT    NOT NULL,
                content      TEXT    NOT NULL,
                image        TEXT,
                language     TEXT    NOT NULL,
                published_at INTEGER NOT NULL,
                updated_at   INTEGER NOT NULL,
                created_at   INTEGER NOT NULL,
                modified_at  INTEGER NOT NULL,
                deleted_at   INTEGER
            );
            CREATE INDEX articles_live_by_published ON articles (published_at DESC, id DESC) WHERE deleted_at IS NULL;
            CREATE INDEX articles_by_modified ON articles (modified_at);
            """;
    private static final String INSERT = "INSERT INTO articles (feed_id, guid, url, path, title, summary, content, image,"
            + " language, published_at, updated_at, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int DISTINCT = 200;
    private static final int WARM_UP = 100;

    /** Articles stored and the seconds they took. */
    record Result(int articles, double seconds) {
        double rate() {
            return seconds > 0 ? articles / seconds : 0;
        }
    }

    private final List<ArabicNews.NewsArticle> articles = new ArrayList<>();

    /** Generates the articles first, so that generating them is not what is timed. */
    SqliteBaseline(String run) {
        ArabicNews news = new ArabicNews(run, 7);
        for (int i = 0; i < DISTINCT; i++) {
            articles.add(news.article(i));
        }
    }

    /** Up to {@code count} articles, {@code perTransaction} to a commit, stopping after {@code cap}. */
    Result run(Path folder, int perTransaction, int count, Duration cap) throws Exception {
        Path file = Files.createDirectories(folder).resolve("baseline-" + perTransaction + ".db");
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(SCHEMA);
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insertAll(connection, insert, -WARM_UP, 0, perTransaction, Long.MAX_VALUE);
                long start = System.nanoTime();
                int stored = insertAll(connection, insert, 0, count, perTransaction, start + cap.toNanos());
                return new Result(stored, (System.nanoTime() - start) / 1e9);
            }
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }

    private int insertAll(Connection connection, PreparedStatement insert, int from, int to, int perTransaction,
                          long deadline) throws SQLException {
        int i = from;
        while (i < to && System.nanoTime() < deadline) {
            for (int end = Math.min(to, i + perTransaction); i < end; i++) {
                bind(insert, i);
                insert.executeUpdate();
            }
            connection.commit();
        }
        return i - from;
    }

    private void bind(PreparedStatement insert, int i) throws SQLException {
        ArabicNews.NewsArticle article = articles.get(Math.floorMod(i, DISTINCT));
        long now = System.currentTimeMillis();
        insert.setString(1, article.guid() + ":" + i);
        insert.setString(2, article.guid() + ":" + i);
        insert.setString(3, article.url() + i + "/");
        insert.setString(4, article.published().toLocalDate().toString().replace('-', '/') + "/bench-" + i);
        insert.setString(5, article.title());
        insert.setString(6, article.summary());
        insert.setString(7, article.content());
        insert.setString(8, article.image());
        insert.setString(9, "ar");
        insert.setLong(10, article.published().toInstant().toEpochMilli());
        insert.setLong(11, article.published().toInstant().toEpochMilli());
        insert.setLong(12, now);
        insert.setLong(13, now);
    }
}
