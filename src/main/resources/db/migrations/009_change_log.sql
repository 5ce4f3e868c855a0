-- The change log: one row per article change, appended in the same transaction as the change, so
-- everything derived (the search index, related stories, rendered feeds, WebSub pushes, cache purges,
-- other nodes) can follow it after the commit and resume after a crash. seq never goes back or is
-- reused (AUTOINCREMENT). feeds names every feed the change touches, before and after it (one
-- FeedKey name a line: site, category:slug, author:slug, tag:slug), since the feeds an update left
-- cannot be read back once it is committed. version is the article's modified_at.
CREATE TABLE changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('created', 'updated', 'deleted')),
    version    INTEGER NOT NULL,
    feeds      TEXT    NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX changes_by_article ON changes (article_id, seq);

-- How far each follower of the log has taken it in, committed with what it derived.
CREATE TABLE change_marks (
    follower TEXT    PRIMARY KEY,
    seq      INTEGER NOT NULL
);
