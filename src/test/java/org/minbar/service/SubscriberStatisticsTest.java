package org.minbar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minbar.support.TestStores;
import org.minbar.model.SubscriberReport;
import org.minbar.model.SubscriberReport.Day;
import org.minbar.model.SubscriberReport.FeedStatistics;
import org.minbar.storage.Database;
import org.minbar.storage.Dialect;
import org.minbar.storage.SubscriptionStore;

@Tag(TestStores.BOTH)
class SubscriberStatisticsTest {

    private static final String FEEDLY = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; %d subscribers; feed-id=%s)";
    /** Feedly's User-Agent with ASCII digits, as it sends them, whatever this JVM's locale. */
    private static String feedly(int subscribers, String feedId) {
        return String.format(Locale.ROOT, FEEDLY, subscribers, feedId);
    }

    private static final String READER = "QuietReader/1.0 (+https://reader.example)";

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path folder;
    Database database;
    MovingClock clock = new MovingClock(Instant.parse("2026-12-06T10:00:00Z"));
    SubscriberStatistics statistics;

    @BeforeEach
    void open() {
        database = TestStores.open(folder);
        statistics = new SubscriberStatistics(database, clock);
    }

    @AfterEach
    void close() {
        statistics.close();
        database.close();
    }

    @Test
    void pollsAndTheShareAnsweredNotModifiedAreCountedPerFeedAndDay() {
        for (int i = 0; i < 8; i++) {
            statistics.polled("/feed/", i % 4 != 0, "203.0.113.7", READER);
        }
        statistics.polled("/feed/atom/", false, "203.0.113.7", READER);
        Day today = feed(statistics.report(), "/feed/").today();
        assertEquals(8, today.polls());
        assertEquals(6, today.notModified());
        assertEquals(0.75, today.notModifiedShare());
        assertEquals(LocalDate.of(2026, 12, 6), today.day());
        assertEquals(1, feed(statistics.report(), "/feed/atom/").today().polls(), "a report does not count twice");
    }

    @Test
    void aggregatorsCountByTheirLatestReportPerFeedIdSummedAndAreNotOtherPollers() {
        statistics.polled("/feed/", false, "198.51.100.1", feedly(100, "a"));
        clock.now = clock.now.plusSeconds(60);
        statistics.polled("/feed/", false, "198.51.100.2", feedly(120, "a")); // a later count for the same feed-id
        statistics.polled("/feed/", false, "198.51.100.3", feedly(30, "b")); // the same feed at another of Feedly's ids
        statistics.polled("/feed/", true, "198.51.100.4", "Mozilla/5.0 (compatible; inoreader.com; 7 subscribers)");
        statistics.flush();
        clock.now = clock.now.plusSeconds(60);
        statistics.polled("/feed/", false, "198.51.100.1", feedly(90, "a")); // latest wins, even if lower
        FeedStatistics feed = feed(statistics.report(), "/feed/");
        assertEquals(90 + 30 + 7, feed.today().subscribers());
        assertEquals(0, feed.today().pollers(), "aggregators are counted by what they report, not as pollers");
        assertEquals(List.of("Feedly", "Feedly", "Inoreader"), feed.aggregators().stream().map(a -> a.aggregator()).sorted().toList());
    }

    @Test
    void otherPollersAreDistinctByAddressAndAgentAndStoredOnlyAsHashes() throws Exception {
        statistics.polled("/feed/", false, "203.0.113.7", READER);
        statistics.polled("/feed/", false, "203.0.113.7", READER);
        statistics.flush();
        statistics.polled("/feed/", true, "203.0.113.7", READER); // the same poller after a flush
        statistics.polled("/feed/", false, "203.0.113.8", READER);
        statistics.polled("/feed/", false, "203.0.113.7", "OtherReader/2.0");
        assertEquals(3, feed(statistics.report(), "/feed/").today().pollers());
        for (Path file : Files.list(folder).toList()) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("203.0.113"), file + " holds a poller's address");
            assertFalse(bytes.contains("QuietReader"), file + " holds a poller's User-Agent");
        }
    }

    @Test
    void aClosedDayKeepsItsCountAndLosesItsHashesAndSalt() {
        statistics.polled("/feed/", false, "203.0.113.7", READER);
        statistics.polled("/feed/", false, "203.0.113.8", READER);
        statistics.flush();
        clock.now = clock.now.plus(Duration.ofDays(2));
        statistics.polled("/feed/", false, "203.0.113.7", READER);
        SubscriberReport report = statistics.report();
        List<Day> days = feed(report, "/feed/").days();
        assertEquals(30, days.size());
        assertEquals(2, days.get(27).pollers(), "two days ago, closed: " + days.get(27));
        assertEquals(1, days.get(29).pollers());
        assertEquals(0, days.get(28).polls());
        assertEquals(List.of(clock.now.toEpochMilli() / 86_400_000L), query("SELECT DISTINCT day FROM stats_pollers"),
                "only the open day keeps hashes");
        assertTrue(query("SELECT day FROM stats_salts").stream().allMatch(day -> day >= clock.now.toEpochMilli() / 86_400_000L - 1));
    }

    @Test
    void webSubSubscriptionsAreCountedPerFeedWithTheirLease() {
        SubscriptionStore subscriptions = new SubscriptionStore();
        database.write(connection -> {
            subscriptions.upsert(connection, "https://news.example/feed/", "https://hub.example/cb/1?secret=x", "s",
                    clock.now.plus(Duration.ofDays(5)), clock.now);
            subscriptions.upsert(connection, "https://news.example/feed/", "https://other.example/cb", "s",
                    clock.now.plus(Duration.ofDays(5)), clock.now);
            subscriptions.upsert(connection, "https://news.example/feed/atom/", "https://gone.example/cb", "s",
                    clock.now.minusSeconds(1), clock.now.minus(Duration.ofDays(9)));
            return null;
        });
        FeedStatistics feed = feed(statistics.report(), "/feed/");
        assertEquals(2, feed.today().webSub());
        assertEquals(List.of("hub.example", "other.example"), feed.webSub().stream().map(l -> l.callbackHost()).toList());
        assertTrue(statistics.report().feeds().stream().noneMatch(f -> f.feed().equals("/feed/atom/") && f.today().webSub() > 0),
                "an expired lease is no subscription");
    }

    @Test
    void whatAFlushTookOutIsPutBackWhenItCannotBeWritten() {
        PollTally.Drained drained = new PollTally.Drained(List.of(new PollTally.Counts(new PollTally.FeedDay("/feed/", 20_428), 5, 1)),
                java.util.Map.of());
        PollTally tally = new PollTally();
        tally.restore(drained);
        PollTally.Drained again = tally.drain(20_428);
        assertEquals(5, again.counts().get(0).polls());
        assertEquals(1, again.counts().get(0).notModified());
        assertTrue(tally.drain(20_428).isEmpty(), "drained once");
    }

    @Test
    void aStoreThatRefusesTheCountsLosesNoPollAndCountsNothingTwiceOnceItAcceptsAgain() {
        statistics.polled("/feed/", false, "203.0.113.7", READER);
        statistics.polled("/feed/", true, "203.0.113.8", READER);
        refuseInserts("stats_feed_days");
        assertThrows(RuntimeException.class, statistics::flush, "the store refused");
        statistics.polled("/feed/", false, "203.0.113.9", READER); // polls go on while it refuses
        acceptInserts("stats_feed_days");
        statistics.flush();
        Day today = feed(statistics.report(), "/feed/").today();
        assertEquals(3, today.polls(), "what the refused flush took out was put back");
        assertEquals(1, today.notModified());
        assertEquals(3, today.pollers());
    }

    @Test
    void aStoreThatRefusesThePollersKeepsThemWithoutCountingThePollsAgain() {
        statistics.polled("/feed/", false, "203.0.113.7", READER);
        statistics.polled("/feed/", false, "203.0.113.8", READER);
        refuseInserts("stats_pollers");
        assertThrows(RuntimeException.class, statistics::flush, "the counts went in, the pollers were refused");
        acceptInserts("stats_pollers");
        statistics.flush();
        Day today = feed(statistics.report(), "/feed/").today();
        assertEquals(2, today.polls(), "the counts were written once");
        assertEquals(2, today.pollers(), "the pollers were kept for the next flush");
    }

    /** Makes the store refuse every insert into the table, as a full disk would, with a trigger in its own dialect. */
    private void refuseInserts(String table) {
        if (database.dialect() == Dialect.SQLITE) {
            execute("CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table + " BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        } else {
            execute("CREATE FUNCTION refuse_" + table + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$");
            execute("CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION refuse_" + table + "()");
        }
    }

    private void acceptInserts(String table) {
        execute(database.dialect() == Dialect.SQLITE ? "DROP TRIGGER refuse_" + table : "DROP TRIGGER refuse_" + table + " ON " + table);
    }

    private void execute(String sql) {
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(sql);
            }
            return null;
        });
    }

    private static FeedStatistics feed(SubscriberReport report, String path) {
        return report.feeds().stream().filter(f -> f.feed().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no statistics for " + path + " in " + report.feeds()));
    }

    private List<Long> query(String sql) {
        return database.read(connection -> {
            List<Long> values = new java.util.ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            return values;
        });
    }
}
