-- PostgreSQL dialect of the SQLite migration of the same name (../005_feed_versions.sql).
-- Recent versions of each feed's first page (ETag and when it took effect), so an aggregator that
-- sends an older ETag with A-IM: feed can be given only what changed since (RFC 3229).
CREATE TABLE feed_versions (
    feed   TEXT   NOT NULL,
    format TEXT   NOT NULL,
    etag   TEXT   NOT NULL,
    since  BIGINT NOT NULL,
    PRIMARY KEY (feed, format, etag)
);
CREATE INDEX feed_versions_by_age ON feed_versions (feed, format, since DESC);
