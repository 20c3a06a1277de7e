-- People cost (SPEC §5, issue 16): HR-only. One annual cost per person, the cost of one full-time opening of a role,
-- and the currency that labels every figure (one row; absent = EUR).
CREATE TABLE IF NOT EXISTS person_costs (
    person_id   TEXT PRIMARY KEY,
    annual_cost REAL NOT NULL CHECK (annual_cost >= 0)
);
ALTER TABLE roles ADD COLUMN annual_cost REAL NULL;
CREATE TABLE IF NOT EXISTS cost_settings (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    currency TEXT NOT NULL
);
