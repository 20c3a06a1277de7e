-- Journey management (issue 8): metric types, owners and time series; insights, opportunities, solutions; weights.
-- Lists of ids and links of these records (teamIds, stepIds, targetIds, opportunityIds, externalLinks) share one table,
-- keyed by record id (unique across the workspace), field name and position.
ALTER TABLE metrics ADD COLUMN type TEXT NULL;
ALTER TABLE metrics ADD COLUMN description TEXT NULL;
ALTER TABLE metrics ADD COLUMN owner_id TEXT NULL;
ALTER TABLE metrics ADD COLUMN aggregation TEXT NULL;
ALTER TABLE metrics ADD COLUMN import_key TEXT NULL;
CREATE TABLE IF NOT EXISTS metric_points (
    metric_id     TEXT NOT NULL,
    date          TEXT NOT NULL,
    dimension_key TEXT NOT NULL,
    dimensions    TEXT NOT NULL,
    value         REAL NOT NULL,
    inputs        TEXT NULL,
    PRIMARY KEY (metric_id, date, dimension_key)
);
CREATE TABLE IF NOT EXISTS insights (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    type          TEXT NULL,
    source_url    TEXT NULL,
    empathy_score REAL NULL,
    weight        REAL NULL,
    owner_id      TEXT NULL,
    import_key    TEXT NULL
);
CREATE TABLE IF NOT EXISTS opportunities (
    id             TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    status         TEXT NULL,
    team_id        TEXT NULL,
    customer_value REAL NULL,
    business_value REAL NULL,
    effort         REAL NULL,
    owner_id       TEXT NULL,
    import_key     TEXT NULL
);
CREATE TABLE IF NOT EXISTS solutions (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    type        TEXT NULL,
    status      TEXT NULL,
    team_id     TEXT NULL,
    owner_id    TEXT NULL,
    priority    TEXT NULL,
    import_key  TEXT NULL
);
CREATE TABLE IF NOT EXISTS journey_links (
    record_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    ord       INTEGER NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (record_id, field, ord)
);
CREATE INDEX IF NOT EXISTS ix_journey_links_value ON journey_links (value);
CREATE TABLE IF NOT EXISTS prioritisation (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    customer_value_weight REAL NOT NULL,
    business_value_weight REAL NOT NULL
);
