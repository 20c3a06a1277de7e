-- The stamp a session is issued with; changing it ends every session of the account on its next request.
-- Accounts from before have the empty stamp, which their existing sessions (issued without one) match.
ALTER TABLE accounts ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
