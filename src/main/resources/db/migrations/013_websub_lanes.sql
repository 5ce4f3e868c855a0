-- Deliveries go out in lanes, one per callback authority (host and port), each with a few requests
-- open at most, so subscribers that stall on one host hold their own lane and never the others'.
ALTER TABLE websub_subscriptions ADD COLUMN lane TEXT NOT NULL DEFAULT '';
UPDATE websub_subscriptions SET lane = lower(CASE
    WHEN instr(substr(callback, instr(callback, '://') + 3), '/') = 0 THEN substr(callback, instr(callback, '://') + 3)
    ELSE substr(callback, instr(callback, '://') + 3, instr(substr(callback, instr(callback, '://') + 3), '/') - 1) END);
