-- PostgreSQL dialect of the SQLite migration of the same name (../014_term_keys.sql);
-- WITHOUT ROWID is dropped.
-- One identity per category, tag and author: every spelling that names a term (its slug, its
-- name, and the slugs and names of terms merged into it) as a matching key, so a name posted
-- later finds the term an import or feeds/*.json named with another slug. Filled and kept by
-- TermIdentity (the key is Slugs.key: Arabic folds that SQL cannot express).
CREATE TABLE term_keys (
    kind    TEXT   NOT NULL CHECK (kind IN ('category', 'tag', 'author')),
    key     TEXT   NOT NULL,
    term_id BIGINT NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX term_keys_by_term ON term_keys (kind, term_id);
