-- PostgreSQL dialect of the SQLite migration of the same name (../008_websub_one_pending.sql).
-- One pending row per subscription, and per external hub and topic. A write while a delivery is
-- waiting, in flight or backing off bumps the row's generation instead of queuing another, so a
-- stalled subscriber holds at most one request open whatever the number of writes, and an attempt
-- that succeeded is sent once more only if a write came during it (its body may predate that write).
-- Rows already queued are merged: each subscription keeps its oldest row, due when its soonest was.
ALTER TABLE websub_deliveries ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
UPDATE websub_deliveries SET next_attempt_at = (SELECT min(other.next_attempt_at) FROM websub_deliveries other
    WHERE other.subscription_id = websub_deliveries.subscription_id);
DELETE FROM websub_deliveries WHERE id NOT IN (SELECT min(id) FROM websub_deliveries GROUP BY subscription_id);
DROP INDEX websub_deliveries_untried;
DROP INDEX websub_deliveries_by_subscription;
CREATE UNIQUE INDEX websub_deliveries_by_subscription ON websub_deliveries (subscription_id);

ALTER TABLE websub_hub_pings ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
UPDATE websub_hub_pings SET next_attempt_at = (SELECT min(other.next_attempt_at) FROM websub_hub_pings other
    WHERE other.hub = websub_hub_pings.hub AND other.topic = websub_hub_pings.topic);
DELETE FROM websub_hub_pings WHERE id NOT IN (SELECT min(id) FROM websub_hub_pings GROUP BY hub, topic);
DROP INDEX websub_hub_pings_untried;
CREATE UNIQUE INDEX websub_hub_pings_by_hub_and_topic ON websub_hub_pings (hub, topic);
