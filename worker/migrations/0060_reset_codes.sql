-- Migration number: 0060 	 reset_codes
-- The one-time code printed next to each reset link lives on the link's own row, so it is born,
-- used, revoked and expires with it. `code_hash` is an HMAC under the Worker's HMAC_KEY secret
-- (never kept in D1) of the account's normalised address and the code: 32^8 codes can be hashed
-- in minutes, so a plain hash would not protect them. Tokens created by redeeming a code have none.
ALTER TABLE password_reset_tokens ADD COLUMN code_hash TEXT;
CREATE UNIQUE INDEX password_reset_tokens_by_code ON password_reset_tokens (code_hash);

-- Code guesses per typed address, known or not, keyed by an HMAC of the normalised address. A
-- new reset link for the address deletes its row; otherwise it lasts one link lifetime from the
-- first guess, which always covers the lifetime of the code then live.
CREATE TABLE reset_code_guesses (
  address_hash TEXT PRIMARY KEY,
  guesses INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX reset_code_guesses_by_expiry ON reset_code_guesses (expires_at);
