-- PostgreSQL dialect of the SQLite migration of the same name (../004_tag_feeds.sql).
-- Tag feeds (/tag/{slug}/feed/): like categories and authors, a tag's newest articles are one index range.
ALTER TABLE article_tags ADD COLUMN published_at BIGINT NOT NULL DEFAULT 0;
UPDATE article_tags SET published_at = (SELECT published_at FROM articles WHERE articles.id = article_tags.article_id);
CREATE INDEX article_tags_feed ON article_tags (tag_id, published_at DESC, article_id DESC);
