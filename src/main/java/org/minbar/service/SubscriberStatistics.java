package org.minbar.service;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.minbar.model.SubscriberReport;
import org.minbar.model.SubscriberReport.AggregatorShare;
import org.minbar.model.SubscriberReport.Day;
import org.minbar.model.SubscriberReport.FeedStatistics;
import org.minbar.model.WebSubLease;
import org.minbar.storage.Database;
import org.minbar.storage.StatsStore;
import org.minbar.storage.StatsStore.AggregatorCount;
import org.minbar.storage.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who reads the feeds: polls are counted in memory as they are served ({@link #polled}, no I/O)
 * and written to the store every {@link #FLUSH_EVERY}, and before each report ({@link PollWriter}).
 * A poller whose User-Agent reports a subscriber count ({@link org.minbar.text.AggregatorAgents}) is counted by
 * that count; any other is one distinct poller a day, kept as a hash of its address and
 * User-Agent keyed with the day's salt, never as an address (see migration 016). The WebSub
 * subscriptions are read from the hub's table.
 */
public final class SubscriberStatistics implements AutoCloseable {

    public static final Duration FLUSH_EVERY = Duration.ofSeconds(10);
    /** The history a report covers, in days, today included. */
    public static final int HISTORY_DAYS = 30;
    /** Days of counts kept; poller hashes are kept only while their day is open (today and yesterday). */
    static final int KEPT_DAYS = 400;
    /** Hashed pollers kept per day over every feed; past it, new pollers are not counted that day. */
    static final long MOST_POLLERS_PER_DAY = 1_000_000;
    /** The most feeds and WebSub subscriptions a report lists. */
    static final int MOST_LISTED = 500;
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberStatistics.class);

    private final Database database;
    private final Clock clock;
    private final PollTally tally = new PollTally();
    private final StatsStore stats = new StatsStore();
    private final PollWriter writer;
    private final SubscriptionStore subscriptions = new SubscriptionStore();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "minbar-stats");
        thread.setDaemon(true);
        return thread;
    });

    public SubscriberStatistics(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.writer = new PollWriter(database, stats, MOST_POLLERS_PER_DAY);
    }

    /** Starts writing the counts to the store every {@link #FLUSH_EVERY}. */
    public void start() {
        long every = FLUSH_EVERY.toMillis();
        timer.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * A feed document was served: {@code feed} is its path (/category/x/feed/atom/), answered with
     * 304 or not, to a client at {@code address} calling itself {@code userAgent}.
     */
    public void polled(String feed, boolean notModified, String address, String userAgent) {
        long now = clock.millis();
        tally.polled(feed, Math.floorDiv(now, DAY_MILLIS), notModified, address, userAgent, now);
    }

    /** Pollers not counted because too many arrived between two flushes, since the server started. */
    public long dropped() {
        return tally.dropped();
    }

    /**
     * Writes what was counted since the last flush: the counts, aggregators' reports and WebSub
     * figures in one transaction, then the new hashed pollers in short ones. If the store refuses,
     * what was not written is kept for the next flush.
     */
    public synchronized void flush() {
        long now = clock.millis();
        long today = Math.floorDiv(now, DAY_MILLIS);
        PollTally.Drained drained = tally.drain(today);
        PollWriter.Batch batch;
        try {
            batch = writer.prepare(drained, today);
            database.write(connection -> {
                writeCounts(connection, batch, today, Instant.ofEpochMilli(now));
                return null;
            });
        } catch (RuntimeException e) {
            tally.restore(drained);
            throw e;
        }
        try {
            writer.writePollers(batch.hashed());
        } catch (RuntimeException e) {
            writer.forgetCounts();
            tally.restore(new PollTally.Drained(List.of(), drained.pollers())); // their counts are in: only the pollers again
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("subscriber statistics not written, kept for the next try: {}", e.getMessage());
        }
    }

    private void writeCounts(Connection connection, PollWriter.Batch batch, long today, Instant now) throws SQLException {
        for (PollTally.Counts counts : batch.counts()) {
            stats.addPolls(connection, counts.feedDay().feed(), counts.feedDay().day(), counts.polls(), counts.notModified());
        }
        for (AggregatorCount report : batch.reports()) {
            stats.report(connection, report);
        }
        for (Map.Entry<String, Long> topic : subscriptions.activeByTopic(connection, now).entrySet()) {
            stats.sawWebSub(connection, feedOf(topic.getKey()), today, topic.getValue());
        }
        stats.close(connection, today - 1, today - KEPT_DAYS);
    }

    /** A WebSub topic (an absolute feed address) as the feed statistics name it: its path. */
    private static String feedOf(String topic) {
        try {
            String path = URI.create(topic).getRawPath();
            return path == null || path.isEmpty() ? topic : path;
        } catch (IllegalArgumentException e) {
            return topic;
        }
    }

    /**
     * The last {@value #HISTORY_DAYS} days of every feed that was polled or subscribed to in them,
     * the busiest first; writes what was counted first, so the report includes the latest polls.
     */
    public SubscriberReport report() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.info("subscriber statistics reported without the latest polls: {}", e.getMessage());
        }
        Instant now = clock.instant();
        long today = Math.floorDiv(now.toEpochMilli(), DAY_MILLIS);
        long from = today - HISTORY_DAYS + 1;
        return database.read(connection -> build(connection, from, today, now));
    }

    private SubscriberReport build(Connection connection, long from, long today, Instant now) throws SQLException {
        Map<String, long[][]> byFeed = new HashMap<>(); // feed -> day offset -> [subscribers, pollers, polls, 304s, websub]
        for (StatsStore.FeedDay day : stats.days(connection, from)) {
            long[] row = row(byFeed, day.feed(), day.day() - from);
            row[1] = Math.max(day.pollers(), 0);
            row[2] = day.polls();
            row[3] = day.notModified();
            row[4] = day.webSub();
        }
        for (StatsStore.DayCount open : stats.openPollers(connection, from)) {
            row(byFeed, open.feed(), open.day() - from)[1] = open.count();
        }
        Map<String, List<AggregatorShare>> aggregatorsToday = new HashMap<>();
        for (AggregatorCount count : stats.aggregatorCounts(connection, from)) {
            row(byFeed, count.feed(), count.day() - from)[0] += count.subscribers();
            if (count.day() == today) {
                aggregatorsToday.computeIfAbsent(count.feed(), feed -> new ArrayList<>()).add(
                        new AggregatorShare(count.aggregator(), count.feedId(), count.subscribers(), count.reportedAt()));
            }
        }
        Map<String, List<WebSubLease>> leases = new HashMap<>();
        for (WebSubLease lease : subscriptions.leases(connection, now, MOST_LISTED)) {
            String feed = feedOf(lease.topic());
            leases.computeIfAbsent(feed, key -> new ArrayList<>()).add(lease);
            row(byFeed, feed, today - from);
        }
        Map<String, Long> webSubNow = new HashMap<>();
        subscriptions.activeByTopic(connection, now).forEach((topic, count) -> webSubNow.merge(feedOf(topic), count, Long::sum));
        List<FeedStatistics> feeds = new ArrayList<>();
        byFeed.forEach((feed, rows) -> {
            List<Day> days = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                long[] row = rows[i];
                long webSub = i == rows.length - 1 ? webSubNow.getOrDefault(feed, 0L) : row[4];
                days.add(new Day(LocalDate.ofEpochDay(from + i), row[0], row[1], row[2], row[3], webSub));
            }
            List<AggregatorShare> shares = aggregatorsToday.getOrDefault(feed, List.of()).stream()
                    .sorted(Comparator.comparingLong(AggregatorShare::subscribers).reversed()).toList();
            feeds.add(new FeedStatistics(feed, days, shares, leases.getOrDefault(feed, List.of())));
        });
        feeds.sort(Comparator.comparingLong((FeedStatistics f) -> f.today().readers()).reversed()
                .thenComparing(Comparator.comparingLong((FeedStatistics f) -> f.today().polls()).reversed())
                .thenComparing(FeedStatistics::feed));
        List<FeedStatistics> listed = feeds.size() > MOST_LISTED ? feeds.subList(0, MOST_LISTED) : feeds;
        return new SubscriberReport(LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(today), now, List.copyOf(listed),
                feeds.size(), tally.dropped());
    }

    private static long[] row(Map<String, long[][]> byFeed, String feed, long offset) {
        if (offset < 0 || offset >= HISTORY_DAYS) {
            return new long[5]; // a day outside the report (another node's clock ahead): not shown
        }
        return byFeed.computeIfAbsent(feed, key -> new long[HISTORY_DAYS][5])[(int) offset];
    }

    /** Stops the timer and writes what is left. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }
}
