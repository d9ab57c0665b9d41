-- Migration number: 0050 	 email_verification
-- Sign-up answers the same 202 for every address, so accounts are created by the mail queue's
-- consumer and proven by email before they can sign in.
--
-- `accounts.email_verified_at` is when the address was proven (a verification link used with the
-- account's password, or a completed password reset); NULL means it never was. Accounts that
-- existed before this migration keep working: they count as verified since their creation.
ALTER TABLE accounts ADD COLUMN email_verified_at INTEGER;
UPDATE accounts SET email_verified_at = created_at;
-- The purge finds unverified accounts whose last sign-up is a day old. For an unverified account
-- `password_changed_at` is when its password was chosen: its newest sign-up.
CREATE INDEX accounts_unverified_by_sign_up ON accounts (password_changed_at) WHERE email_verified_at IS NULL;

-- Verification links. Only the SHA-256 hash of a token is stored; `used_at` makes a link
-- single-use, `failed_attempts` counts wrong passwords (the fifth ends the link), and `claim` is
-- the nonce of the verify batch that used it, so the rest of that batch acts only for the winner.
CREATE TABLE email_verifications (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  used_at INTEGER,
  claim TEXT
);
CREATE INDEX email_verifications_by_account ON email_verifications (account_id);
CREATE INDEX email_verifications_by_expiry ON email_verifications (expires_at);

-- Sign-ups waiting for the mail queue: the address as typed and the password's hash, so the
-- queue message itself carries neither. The consumer deletes a row once it has dealt with it;
-- the purge deletes any left after a day.
CREATE TABLE sign_up_requests (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  client TEXT NOT NULL CHECK (client IN ('web', 'desktop')),
  requested_at INTEGER NOT NULL
);
CREATE INDEX sign_up_requests_by_time ON sign_up_requests (requested_at);

-- Two new kinds of email (the verification link, and the note to an address that already has an
-- account) and a new reason to send nothing (a newer sign-up for the address replaced this one).
-- SQLite cannot change a CHECK constraint in place, so both tables are rebuilt with their rows.
CREATE TABLE mail_deliveries_new (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('password_reset', 'password_changed', 'email_verification', 'sign_up_notice')),
  transport TEXT NOT NULL CHECK (transport IN ('outbox', 'mailchannels')),
  to_address TEXT NOT NULL COLLATE NOCASE,
  status TEXT NOT NULL CHECK (status IN ('queued', 'retrying', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO mail_deliveries_new (seq, id, kind, transport, to_address, status, attempts, last_error, created_at, updated_at)
  SELECT seq, id, kind, transport, to_address, status, attempts, last_error, created_at, updated_at FROM mail_deliveries;
DROP TABLE mail_deliveries;
ALTER TABLE mail_deliveries_new RENAME TO mail_deliveries;
CREATE INDEX mail_deliveries_by_recipient ON mail_deliveries (to_address, seq);
CREATE INDEX mail_deliveries_by_creation ON mail_deliveries (created_at);

CREATE TABLE mail_skipped_new (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  to_address TEXT NOT NULL COLLATE NOCASE,
  reason TEXT NOT NULL CHECK (reason IN ('no_account', 'address_limit', 'superseded')),
  created_at INTEGER NOT NULL
);
INSERT INTO mail_skipped_new (seq, id, to_address, reason, created_at)
  SELECT seq, id, to_address, reason, created_at FROM mail_skipped;
DROP TABLE mail_skipped;
ALTER TABLE mail_skipped_new RENAME TO mail_skipped;
CREATE INDEX mail_skipped_by_recipient ON mail_skipped (to_address, seq);
CREATE INDEX mail_skipped_by_creation ON mail_skipped (created_at);
