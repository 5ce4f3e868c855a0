-- PostgreSQL dialect of the SQLite migration of the same name (../006_feed_archives.sql);
-- SQLite's WITHOUT ROWID has no equivalent here and is dropped (every PostgreSQL table is a heap).
-- RFC 5005 archives. Each feed (the site: kind 'site', term 0; a category, author or tag: its id)
-- has one row per article it has held. page is NULL while the article is in the feed's current
-- document, and the archive page number once it was moved into an archive; an archived row is
-- never moved again, so an archive's set of entries never changes once it is full.
CREATE TABLE feed_entries (
    kind       TEXT   NOT NULL,
    term_id    BIGINT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    page       BIGINT,
    PRIMARY KEY (kind, term_id, article_id)
);
CREATE INDEX feed_entries_current ON feed_entries (kind, term_id) WHERE page IS NULL;
CREATE INDEX feed_entries_archived ON feed_entries (kind, term_id, page) WHERE page IS NOT NULL;
CREATE INDEX feed_entries_by_article ON feed_entries (article_id);

-- Every live article starts in its feeds' current documents; the server archives the oldest at start.
INSERT INTO feed_entries (kind, term_id, article_id)
    SELECT 'site', 0, id FROM articles WHERE deleted_at IS NULL;
INSERT INTO feed_entries (kind, term_id, article_id)
    SELECT 'category', l.category_id, l.article_id FROM article_categories l
    JOIN articles a ON a.id = l.article_id WHERE a.deleted_at IS NULL;
INSERT INTO feed_entries (kind, term_id, article_id)
    SELECT 'author', l.author_id, l.article_id FROM article_authors l
    JOIN articles a ON a.id = l.article_id WHERE a.deleted_at IS NULL;
INSERT INTO feed_entries (kind, term_id, article_id)
    SELECT 'tag', l.tag_id, l.article_id FROM article_tags l
    JOIN articles a ON a.id = l.article_id WHERE a.deleted_at IS NULL;
