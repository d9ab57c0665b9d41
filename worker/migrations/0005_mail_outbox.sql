-- Migration number: 0005 	 mail_outbox
-- The development mail transport: messages are stored here and shown at /dev/mailbox.
-- `seq` keeps send order for messages created within the same millisecond; `id` matches the
-- message's row in mail_deliveries. Addresses compare without regard to ASCII case, so
-- /dev/mailbox.json?to= finds a message however the address was typed.
CREATE TABLE mail_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  to_address TEXT NOT NULL COLLATE NOCASE,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX mail_outbox_by_recipient ON mail_outbox (to_address, seq);
