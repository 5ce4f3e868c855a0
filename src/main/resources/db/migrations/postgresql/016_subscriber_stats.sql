-- PostgreSQL dialect of the SQLite migration of the same name (../016_subscriber_stats.sql);
-- BLOB is BYTEA, WITHOUT ROWID is dropped, and stats_salts.day is a plain key (a day, never generated).
-- Subscriber statistics. Days are UTC days since 1970-01-01; a feed is its document's path (/feed/atom/).
-- Per feed and day: the polls answered (200 or 304), the 304s among them, the distinct other pollers
-- (NULL while the day is open: counted from stats_pollers until it is closed) and the most WebSub
-- subscriptions to it seen that day.
CREATE TABLE stats_feed_days (
    feed         TEXT   NOT NULL,
    day          BIGINT NOT NULL,
    polls        BIGINT NOT NULL DEFAULT 0,
    not_modified BIGINT NOT NULL DEFAULT 0,
    pollers      BIGINT,
    websub       BIGINT,
    PRIMARY KEY (feed, day)
);
CREATE INDEX stats_feed_days_by_day ON stats_feed_days (day);

-- What aggregators report in their User-Agent ("Feedly/1.0 (…; 1234 subscribers; feed-id=…)"):
-- the latest count of the day per aggregator and feed-id.
CREATE TABLE stats_aggregator_counts (
    feed        TEXT   NOT NULL,
    day         BIGINT NOT NULL,
    aggregator  TEXT   NOT NULL,
    feed_id     TEXT   NOT NULL,
    subscribers BIGINT NOT NULL,
    reported_at BIGINT NOT NULL,
    PRIMARY KEY (feed, day, aggregator, feed_id)
);
CREATE INDEX stats_aggregator_counts_by_day ON stats_aggregator_counts (day);

-- The other pollers of the open days, each a hash of its address and User-Agent keyed with its
-- day's salt; never an address. A closed day keeps only its count: its hashes and its salt are
-- deleted, so no hash can be tied to an address afterwards.
CREATE TABLE stats_pollers (
    day    BIGINT NOT NULL,
    feed   TEXT   NOT NULL,
    poller BYTEA  NOT NULL,
    PRIMARY KEY (day, feed, poller)
);

CREATE TABLE stats_salts (
    day  BIGINT PRIMARY KEY,
    salt BYTEA  NOT NULL
);
