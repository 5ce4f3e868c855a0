-- PostgreSQL dialect of the SQLite migration of the same name (../003_computed_related.sql);
-- REAL is DOUBLE PRECISION (SQLite's REAL is an 8-byte float).
-- Related stories found by text similarity (Lucene), stored so serving a feed never runs a query.
-- related_at records when an article's list was last computed; a list older than the article's
-- last modification (or missing) is computed again at start.
CREATE TABLE computed_related (
    article_id BIGINT           NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   BIGINT           NOT NULL,
    related_id BIGINT           NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    score      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX computed_related_by_target ON computed_related (related_id);

ALTER TABLE articles ADD COLUMN related_at BIGINT;
