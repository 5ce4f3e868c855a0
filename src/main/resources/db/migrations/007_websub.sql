-- The WebSub hub: verified subscriptions to our feeds, and two outboxes written in the same
-- transaction as the article change that fills them, so a crash after the commit loses nothing:
-- content deliveries to subscribers and publish pings to external hubs.
CREATE TABLE websub_subscriptions (
    id         INTEGER PRIMARY KEY,
    topic      TEXT    NOT NULL,
    callback   TEXT    NOT NULL,
    secret     TEXT,
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    renewed_at INTEGER NOT NULL,
    UNIQUE (topic, callback)
);
CREATE INDEX websub_subscriptions_by_expiry ON websub_subscriptions (expires_at);

-- attempts counts the tries begun; the body is rendered when it is sent, so one delivery not yet
-- tried per subscription is enough and a later write joins it.
CREATE TABLE websub_deliveries (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES websub_subscriptions (id) ON DELETE CASCADE,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    created_at      INTEGER NOT NULL
);
CREATE UNIQUE INDEX websub_deliveries_untried ON websub_deliveries (subscription_id) WHERE attempts = 0;
CREATE INDEX websub_deliveries_by_subscription ON websub_deliveries (subscription_id);
CREATE INDEX websub_deliveries_due ON websub_deliveries (next_attempt_at);

CREATE TABLE websub_hub_pings (
    id              INTEGER PRIMARY KEY,
    hub             TEXT    NOT NULL,
    topic           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    created_at      INTEGER NOT NULL
);
CREATE UNIQUE INDEX websub_hub_pings_untried ON websub_hub_pings (hub, topic) WHERE attempts = 0;
CREATE INDEX websub_hub_pings_due ON websub_hub_pings (next_attempt_at);
