-- PostgreSQL dialect of the SQLite migration of the same name (../015_related_reasons.sql).
-- Why each related story was chosen (the features both share, the parts of the score), as JSON,
-- shown by GET /api/articles/{id}/related. Lists computed before this have none until recomputed.
ALTER TABLE computed_related ADD COLUMN reason TEXT;
