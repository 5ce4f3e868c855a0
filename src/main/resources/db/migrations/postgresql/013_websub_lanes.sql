-- PostgreSQL dialect of the SQLite migration of the same name (../013_websub_lanes.sql): SQLite's
-- instr is strpos (both 1-based, 0 when absent) and substr behaves alike for these arguments. lower
-- is applied under the "C" collation, which folds ASCII only, as SQLite's built-in lower does.
-- Deliveries go out in lanes, one per callback authority (host and port), each with a few requests
-- open at most, so subscribers that stall on one host hold their own lane and never the others'.
ALTER TABLE websub_subscriptions ADD COLUMN lane TEXT NOT NULL DEFAULT '';
UPDATE websub_subscriptions SET lane = lower(CASE
    WHEN strpos(substr(callback, strpos(callback, '://') + 3), '/') = 0 THEN substr(callback, strpos(callback, '://') + 3)
    ELSE substr(callback, strpos(callback, '://') + 3, strpos(substr(callback, strpos(callback, '://') + 3), '/') - 1) END
    COLLATE "C");
