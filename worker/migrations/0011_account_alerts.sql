-- Migration number: 0011 	 account_alerts
-- "This wasn't me" links sent in the "password changed" email. Only the SHA-256 hash of the
-- alert token is stored; `used_at` makes a link single-use.
CREATE TABLE account_alerts (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX account_alerts_by_account ON account_alerts (account_id);
CREATE INDEX account_alerts_by_expiry ON account_alerts (expires_at);
