-- The change set of each recent revision (issue 17), so another process holding an earlier revision applies them
-- instead of loading the whole workspace. NULL changes: that revision cannot be followed (a replace, a large change).
CREATE TABLE IF NOT EXISTS workspace_changes (
    revision INTEGER PRIMARY KEY,
    changes  TEXT NULL
);
