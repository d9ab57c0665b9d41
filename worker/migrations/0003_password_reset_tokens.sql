-- Migration number: 0003 	 password_reset_tokens
-- Reset links. Only the SHA-256 hash of a token is stored; `used_at` makes a token single-use.
-- `claim` is a random nonce written by the confirm batch that uses the token: the other
-- statements of that batch run only where the claim is theirs, so of many racing confirms
-- exactly one changes the password.
CREATE TABLE password_reset_tokens (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  client TEXT NOT NULL CHECK (client IN ('web', 'desktop')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  claim TEXT
);
CREATE INDEX password_reset_tokens_by_account ON password_reset_tokens (account_id);
CREATE INDEX password_reset_tokens_by_expiry ON password_reset_tokens (expires_at);
