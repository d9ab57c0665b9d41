-- Migration number: 0010 	 mail_deliveries
-- One row per email ResetKit tries to send, whatever the transport: what kind it was, to whom,
-- how far delivery got and why it last failed. It never holds the message body, a token or a link.
-- `seq` keeps send order for rows created within the same millisecond; `id` matches the
-- mail_outbox row when the outbox transport is used.
CREATE TABLE mail_deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('password_reset', 'password_changed')),
  transport TEXT NOT NULL CHECK (transport IN ('outbox', 'mailchannels')),
  to_address TEXT NOT NULL COLLATE NOCASE,
  status TEXT NOT NULL CHECK (status IN ('queued', 'retrying', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX mail_deliveries_by_recipient ON mail_deliveries (to_address, seq);
CREATE INDEX mail_deliveries_by_creation ON mail_deliveries (created_at);
