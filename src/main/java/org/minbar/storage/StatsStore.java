package org.minbar.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Subscriber statistics as stored (migration 016): polls per feed and day, the subscriber counts
 * aggregators report, and the hashed distinct pollers of the days still open. Days are UTC days
 * since 1970-01-01 ({@link java.time.LocalDate#toEpochDay()}).
 */
public final class StatsStore {

    /** The most aggregator and feed-id pairs kept per feed and day: a forged User-Agent cannot grow the table without bound. */
    public static final int MOST_AGGREGATORS_PER_FEED_DAY = 100;

    /** One feed's day as stored; {@code pollers} is -1 while the day is open (count them with {@link #openPollers}). */
    public record FeedDay(String feed, long day, long polls, long notModified, long pollers, long webSub) {}

    /** A subscriber count reported by an aggregator. */
    public record AggregatorCount(String feed, long day, String aggregator, String feedId, long subscribers, Instant reportedAt) {}

    /** A count per feed and day. */
    public record DayCount(String feed, long day, long count) {}

    /** Adds polls (and the 304s among them) to a feed's day. */
    public void addPolls(Connection connection, String feed, long day, long polls, long notModified) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO stats_feed_days (feed, day, polls, not_modified) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (feed, day) DO UPDATE SET polls = stats_feed_days.polls + excluded.polls,"
                        + " not_modified = stats_feed_days.not_modified + excluded.not_modified")) {
            upsert.setString(1, feed);
            upsert.setLong(2, day);
            upsert.setLong(3, polls);
            upsert.setLong(4, notModified);
            upsert.executeUpdate();
        }
    }

    /** The WebSub subscriptions to a feed now: the day keeps the most it saw. */
    public void sawWebSub(Connection connection, String feed, long day, long subscriptions) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO stats_feed_days (feed, day, websub) VALUES (?, ?, ?)"
                        + " ON CONFLICT (feed, day) DO UPDATE SET websub = CASE WHEN stats_feed_days.websub > excluded.websub"
                        + " THEN stats_feed_days.websub ELSE excluded.websub END")) {
            upsert.setString(1, feed);
            upsert.setLong(2, day);
            upsert.setLong(3, subscriptions);
            upsert.executeUpdate();
        }
    }

    /**
     * Records an aggregator's count unless a later one of the same day is already there; a new
     * aggregator and feed-id pair is kept only while the feed's day has fewer than
     * {@value #MOST_AGGREGATORS_PER_FEED_DAY}. Returns whether it was kept.
     */
    public boolean report(Connection connection, AggregatorCount count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE stats_aggregator_counts SET subscribers = ?, reported_at = ?"
                        + " WHERE feed = ? AND day = ? AND aggregator = ? AND feed_id = ? AND reported_at <= ?")) {
            update.setLong(1, count.subscribers());
            update.setLong(2, count.reportedAt().toEpochMilli());
            update.setString(3, count.feed());
            update.setLong(4, count.day());
            update.setString(5, count.aggregator());
            update.setString(6, count.feedId());
            update.setLong(7, count.reportedAt().toEpochMilli());
            if (update.executeUpdate() > 0) {
                return true;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO stats_aggregator_counts (feed, day, aggregator, feed_id, subscribers, reported_at)"
                        + " SELECT ?, ?, ?, ?, ?, ? WHERE (SELECT count(*) FROM stats_aggregator_counts"
                        + " WHERE feed = ? AND day = ?) < ? ON CONFLICT DO NOTHING")) {
            insert.setString(1, count.feed());
            insert.setLong(2, count.day());
            insert.setString(3, count.aggregator());
            insert.setString(4, count.feedId());
            insert.setLong(5, count.subscribers());
            insert.setLong(6, count.reportedAt().toEpochMilli());
            insert.setString(7, count.feed());
            insert.setLong(8, count.day());
            insert.setInt(9, MOST_AGGREGATORS_PER_FEED_DAY);
            return insert.executeUpdate() > 0;
        }
    }

    /** The day's salt, made by {@code fresh} the first time it is asked for (by any node). */
    public byte[] salt(Connection connection, long day, Supplier<byte[]> fresh) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stats_salts (day, salt) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setLong(1, day);
            insert.setBytes(2, fresh.get());
            insert.executeUpdate();
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT salt FROM stats_salts WHERE day = ?")) {
            query.setLong(1, day);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBytes(1);
            }
        }
    }

    /** Adds hashed pollers to a feed's open day; returns how many were new. */
    public int addPollers(Connection connection, long day, String feed, Collection<byte[]> pollers) throws SQLException {
        int added = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO stats_pollers (day, feed, poller) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (byte[] poller : pollers) {
                insert.setLong(1, day);
                insert.setString(2, feed);
                insert.setBytes(3, poller);
                insert.addBatch();
            }
            for (int result : insert.executeBatch()) {
                added += Math.max(result, 0);
            }
        }
        return added;
    }

    /** How many hashed pollers a day holds, over every feed. */
    public long pollersOn(Connection connection, long day) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM stats_pollers WHERE day = ?")) {
            query.setLong(1, day);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Closes the days before {@code day}: each feed's day keeps its count of distinct pollers, and
     * the hashes and salts of those days are deleted. Days before {@code keepFrom} are deleted altogether.
     */
    public void close(Connection connection, long day, long keepFrom) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "UPDATE stats_feed_days SET pollers = (SELECT count(*) FROM stats_pollers p"
                        + " WHERE p.day = stats_feed_days.day AND p.feed = stats_feed_days.feed)"
                        + " WHERE day < ? AND pollers IS NULL")) {
            count.setLong(1, day);
            count.executeUpdate();
        }
        for (String sql : List.of("DELETE FROM stats_pollers WHERE day < ?", "DELETE FROM stats_salts WHERE day < ?")) {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setLong(1, day);
                delete.executeUpdate();
            }
        }
        for (String sql : List.of("DELETE FROM stats_feed_days WHERE day < ?", "DELETE FROM stats_aggregator_counts WHERE day < ?")) {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setLong(1, keepFrom);
                delete.executeUpdate();
            }
        }
    }

    /** Every feed's days from {@code from} on. */
    public List<FeedDay> days(Connection connection, long from) throws SQLException {
        List<FeedDay> days = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT feed, day, polls, not_modified, pollers, websub FROM stats_feed_days WHERE day >= ?")) {
            query.setLong(1, from);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long pollers = rows.getLong("pollers");
                    if (rows.wasNull()) {
                        pollers = -1;
                    }
                    days.add(new FeedDay(rows.getString("feed"), rows.getLong("day"), rows.getLong("polls"),
                            rows.getLong("not_modified"), pollers, rows.getLong("websub")));
                }
            }
        }
        return days;
    }

    /** The distinct pollers of each feed's open days from {@code from} on. */
    public List<DayCount> openPollers(Connection connection, long from) throws SQLException {
        return counts(connection, "SELECT feed, day, count(*) FROM stats_pollers WHERE day >= ? GROUP BY feed, day", from);
    }

    /** The aggregators' counts of each feed's days from {@code from} on. */
    public List<AggregatorCount> aggregatorCounts(Connection connection, long from) throws SQLException {
        List<AggregatorCount> counts = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT feed, day, aggregator, feed_id, subscribers, reported_at FROM stats_aggregator_counts WHERE day >= ?")) {
            query.setLong(1, from);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.add(new AggregatorCount(rows.getString("feed"), rows.getLong("day"), rows.getString("aggregator"),
                            rows.getString("feed_id"), rows.getLong("subscribers"), Jdbc.instant(rows, "reported_at")));
                }
            }
        }
        return counts;
    }

    private static List<DayCount> counts(Connection connection, String sql, long from) throws SQLException {
        List<DayCount> counts = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, from);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.add(new DayCount(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        return counts;
    }
}
