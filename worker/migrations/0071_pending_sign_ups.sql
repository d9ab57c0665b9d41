-- Migration number: 0071 	 pending_sign_ups
-- A sign-up no longer creates an account. Until its address is confirmed it is a pending sign-up,
-- which nothing but the confirmation link can see: signing in to it gets the same 401 as an
-- unknown address, so no sign-in outcome tells a registered address from one just signed up.
-- Confirming (the link and the pending sign-up's password) creates the account, verified.
--
-- One pending sign-up per address: the newest sign-up replaces the password of an older one
-- (`password_chosen_at` orders them), and its link replaces the older links.
CREATE TABLE pending_sign_ups (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  email_normalized TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  password_chosen_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX pending_sign_ups_by_choice ON pending_sign_ups (password_chosen_at);

-- Unconfirmed accounts become pending sign-ups under the same id, so their links keep working.
INSERT INTO pending_sign_ups (id, email, email_normalized, password_hash, password_chosen_at, created_at)
  SELECT id, email, email_normalized, password_hash, password_changed_at, created_at FROM accounts WHERE email_verified_at IS NULL;

-- Verification links now belong to a pending sign-up. A used link stays until it expires, so a
-- second visit can say the address is already confirmed.
CREATE TABLE email_verifications_new (
  token_hash TEXT PRIMARY KEY,
  sign_up_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  used_at INTEGER,
  claim TEXT
);
INSERT INTO email_verifications_new (token_hash, sign_up_id, created_at, expires_at, failed_attempts, used_at, claim)
  SELECT token_hash, account_id, created_at, expires_at, failed_attempts, used_at, claim FROM email_verifications;
DROP TABLE email_verifications;
ALTER TABLE email_verifications_new RENAME TO email_verifications;
CREATE INDEX email_verifications_by_sign_up ON email_verifications (sign_up_id);
CREATE INDEX email_verifications_by_expiry ON email_verifications (expires_at);

DROP INDEX accounts_unverified_by_sign_up;
DELETE FROM accounts WHERE email_verified_at IS NULL;
