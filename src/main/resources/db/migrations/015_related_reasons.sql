-- Why each related story was chosen (the features both share, the parts of the score), as JSON,
-- shown by GET /api/articles/{id}/related. Lists computed before this have none until recomputed.
ALTER TABLE computed_related ADD COLUMN reason TEXT;
