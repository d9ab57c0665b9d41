-- Migration number: 0030 	 mail_skipped
-- Development only: reset requests the mail queue accepted but sent nothing for, with the reason
-- (no account has the address, or the per-address limit was reached), shown at /dev/mailbox so a
-- developer is not left wondering where the email went. The Worker writes here only when
-- ENVIRONMENT is development: in production the typed address of a non-account is never stored.
-- `id` is the mail-queue job's id, so a redelivered job adds no second row.
CREATE TABLE mail_skipped (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  to_address TEXT NOT NULL COLLATE NOCASE,
  reason TEXT NOT NULL CHECK (reason IN ('no_account', 'address_limit')),
  created_at INTEGER NOT NULL
);
CREATE INDEX mail_skipped_by_recipient ON mail_skipped (to_address, seq);
CREATE INDEX mail_skipped_by_creation ON mail_skipped (created_at);
