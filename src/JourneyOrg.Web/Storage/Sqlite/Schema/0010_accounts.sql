-- Sign-in accounts (local passwords as ASP.NET Core Identity hashes; Entra accounts without one). Roles: comma-separated.
CREATE TABLE IF NOT EXISTS accounts (
    user_name            TEXT PRIMARY KEY,
    display_name         TEXT NOT NULL,
    roles                TEXT NOT NULL,
    password_hash        TEXT NULL,
    disabled             INTEGER NOT NULL DEFAULT 0,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    failed_sign_ins      INTEGER NOT NULL DEFAULT 0,
    locked_until         TEXT NULL,
    created_at           TEXT NOT NULL,
    last_sign_in_at      TEXT NULL,
    source               TEXT NOT NULL DEFAULT 'local',
    version              INTEGER NOT NULL
);
