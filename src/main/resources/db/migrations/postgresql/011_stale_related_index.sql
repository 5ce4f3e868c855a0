-- PostgreSQL dialect of the SQLite migration of the same name (../011_stale_related_index.sql).
-- The live articles whose related list is missing or older than the article: the follower looks for
-- them each time it has taken the log in, so the look must cost what it finds, not a scan of every article.
CREATE INDEX articles_related_stale ON articles (id) WHERE deleted_at IS NULL AND (related_at IS NULL OR related_at < modified_at);
