-- Migration number: 0002 	 reset_mail
-- Where the peer's `sendResetPassword` "sends" its mail, so the bench can read minted tokens.
CREATE TABLE reset_mail (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  token TEXT NOT NULL,
  url TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX reset_mail_by_email ON reset_mail (email, seq);
