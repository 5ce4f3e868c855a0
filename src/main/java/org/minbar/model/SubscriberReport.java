package org.minbar.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Who read the feeds over the last days (counted by the service's SubscriberStatistics): per feed document, a row
 * per day, today's aggregators and the WebSub subscriptions now.
 *
 * @param feedsCounted how many feeds had statistics, of which {@code feeds} lists the busiest
 * @param pollersDropped pollers not counted since the server started because too many came at once
 */
public record SubscriberReport(LocalDate from, LocalDate to, Instant at, List<FeedStatistics> feeds, int feedsCounted,
                               long pollersDropped) {

    /**
     * One UTC day of a feed.
     *
     * @param subscribers the sum of the latest count of the day each aggregator reported, per feed-id
     * @param pollers distinct other pollers (address and User-Agent)
     * @param webSub WebSub subscriptions (today: now; earlier days: the most seen that day)
     */
    public record Day(LocalDate day, long subscribers, long pollers, long polls, long notModified, long webSub) {

        /** Everyone who reads the feed, as far as it can be told: aggregators' subscribers, other pollers and WebSub subscribers. */
        public long readers() {
            return subscribers + pollers + webSub;
        }

        /** The share of polls answered 304 Not Modified, from 0 to 1 (0 without polls). */
        public double notModifiedShare() {
            return polls == 0 ? 0 : (double) notModified / polls;
        }
    }

    /** What one aggregator reported today for a feed. */
    public record AggregatorShare(String aggregator, String feedId, long subscribers, Instant reportedAt) {}

    /** A feed document's days, oldest first (today last), today's aggregators and its WebSub subscriptions. */
    public record FeedStatistics(String feed, List<Day> days, List<AggregatorShare> aggregators, List<WebSubLease> webSub) {

        public Day today() {
            return days.get(days.size() - 1);
        }
    }

    /** The sum of every listed feed per day: a reader of two feeds counts twice. */
    public List<Day> total() {
        int length = feeds.isEmpty() ? 0 : feeds.get(0).days().size();
        return java.util.stream.IntStream.range(0, length).mapToObj(i -> {
            long subscribers = 0;
            long pollers = 0;
            long polls = 0;
            long notModified = 0;
            long webSub = 0;
            for (FeedStatistics feed : feeds) {
                Day day = feed.days().get(i);
                subscribers += day.subscribers();
                pollers += day.pollers();
                polls += day.polls();
                notModified += day.notModified();
                webSub += day.webSub();
            }
            return new Day(feeds.get(0).days().get(i).day(), subscribers, pollers, polls, notModified, webSub);
        }).toList();
    }
}
