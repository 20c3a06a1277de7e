-- The user names a scenario is shared with, as a JSON array; the author and these see it.
ALTER TABLE scenarios ADD COLUMN shared_with TEXT NOT NULL DEFAULT '[]';
