-- The workspace graph (SPEC §1) in relational form. Ordered lists keep an explicit position (ord);
-- top-level lists keep their insertion order through rowid, so an export lists things as they were imported.
CREATE TABLE IF NOT EXISTS journeys (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    parent_id   TEXT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS phases (
    id         TEXT PRIMARY KEY,
    journey_id TEXT NOT NULL,
    name       TEXT NOT NULL,
    ord        INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_phases_journey ON phases (journey_id, ord);
CREATE TABLE IF NOT EXISTS steps (
    id            TEXT PRIMARY KEY,
    phase_id      TEXT NOT NULL,
    name          TEXT NOT NULL,
    subjourney_id TEXT NULL,
    ord           INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_steps_phase ON steps (phase_id, ord);
CREATE TABLE IF NOT EXISTS people (
    id                  TEXT PRIMARY KEY,
    display_name        TEXT NOT NULL,
    mail                TEXT NULL,
    job_title           TEXT NULL,
    department          TEXT NULL,
    manager_id          TEXT NULL,
    role_id             TEXT NULL,
    account_enabled     INTEGER NOT NULL DEFAULT 1,
    user_principal_name TEXT NULL,
    employee_id         TEXT NULL,
    employee_type       TEXT NULL,
    office_location     TEXT NULL,
    source              TEXT NOT NULL DEFAULT 'local'
);
CREATE INDEX IF NOT EXISTS ix_people_manager ON people (manager_id);
CREATE TABLE IF NOT EXISTS teams (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    parent_id   TEXT NULL,
    lead_id     TEXT NULL,
    type        TEXT NULL,
    description TEXT NULL,
    source      TEXT NOT NULL DEFAULT 'local'
);
CREATE TABLE IF NOT EXISTS memberships (
    team_id    TEXT NOT NULL,
    person_id  TEXT NOT NULL,
    allocation REAL NOT NULL,
    ord        INTEGER NOT NULL,
    PRIMARY KEY (team_id, person_id)
);
CREATE INDEX IF NOT EXISTS ix_memberships_person ON memberships (person_id);
CREATE TABLE IF NOT EXISTS roles (
    id     TEXT PRIMARY KEY,
    title  TEXT NOT NULL,
    family TEXT NULL,
    level  TEXT NULL
);
CREATE TABLE IF NOT EXISTS ownership (
    team_id   TEXT NOT NULL,
    target_id TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('accountable', 'contributing')),
    PRIMARY KEY (team_id, target_id)
);
CREATE INDEX IF NOT EXISTS ix_ownership_target ON ownership (target_id);
CREATE TABLE IF NOT EXISTS metrics (
    id        TEXT PRIMARY KEY,
    target_id TEXT NOT NULL,
    name      TEXT NOT NULL,
    unit      TEXT NULL,
    value     REAL NULL,
    target    REAL NULL,
    direction TEXT NULL
);
CREATE TABLE IF NOT EXISTS scenarios (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    status     TEXT NOT NULL,
    document   TEXT NOT NULL,
    author     TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version    INTEGER NOT NULL
);
-- Key/value state written together with the changes it belongs to (workspace revision, sync delta links).
CREATE TABLE IF NOT EXISTS state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
