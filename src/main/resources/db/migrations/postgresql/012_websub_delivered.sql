-- PostgreSQL dialect of the SQLite migration of the same name (../012_websub_delivered.sql).
-- A push carries every entry of its topic changed since the subscriber's last successful delivery,
-- however many: delivered_at is when that delivery's content was read (NULL until the first
-- delivery, which carries the current document).
ALTER TABLE websub_subscriptions ADD COLUMN delivered_at BIGINT;
