-- Subscriber statistics. Days are UTC days since 1970-01-01; a feed is its document's path (/feed/atom/).
-- Per feed and day: the polls answered (200 or 304), the 304s among them, the distinct other pollers
-- (NULL while the day is open: counted from stats_pollers until it is closed) and the most WebSub
-- subscriptions to it seen that day.
CREATE TABLE stats_feed_days (
    feed         TEXT    NOT NULL,
    day          INTEGER NOT NULL,
    polls        INTEGER NOT NULL DEFAULT 0,
    not_modified INTEGER NOT NULL DEFAULT 0,
    pollers      INTEGER,
    websub       INTEGER,
    PRIMARY KEY (feed, day)
);
CREATE INDEX stats_feed_days_by_day ON stats_feed_days (day);

-- What aggregators report in their User-Agent ("Feedly/1.0 (…; 1234 subscribers; feed-id=…)"):
-- the latest count of the day per aggregator and feed-id.
CREATE TABLE stats_aggregator_counts (
    feed        TEXT    NOT NULL,
    day         INTEGER NOT NULL,
    aggregator  TEXT    NOT NULL,
    feed_id     TEXT    NOT NULL,
    subscribers INTEGER NOT NULL,
    reported_at INTEGER NOT NULL,
    PRIMARY KEY (feed, day, aggregator, feed_id)
);
CREATE INDEX stats_aggregator_counts_by_day ON stats_aggregator_counts (day);

-- The other pollers of the open days, each a hash of its address and User-Agent keyed with its
-- day's salt; never an address. A closed day keeps only its count: its hashes and its salt are
-- deleted, so no hash can be tied to an address afterwards.
CREATE TABLE stats_pollers (
    day    INTEGER NOT NULL,
    feed   TEXT    NOT NULL,
    poller BLOB    NOT NULL,
    PRIMARY KEY (day, feed, poller)
) WITHOUT ROWID;

CREATE TABLE stats_salts (
    day  INTEGER PRIMARY KEY,
    salt BLOB    NOT NULL
);
