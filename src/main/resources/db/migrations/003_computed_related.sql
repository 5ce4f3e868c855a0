-- Related stories found by text similarity (Lucene), stored so serving a feed never runs a query.
-- related_at records when an article's list was last computed; a list older than the article's
-- last modification (or missing) is computed again at start.
CREATE TABLE computed_related (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    score      REAL    NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX computed_related_by_target ON computed_related (related_id);

ALTER TABLE articles ADD COLUMN related_at INTEGER;
