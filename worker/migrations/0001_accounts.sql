-- Migration number: 0001 	 accounts
-- One row per person. `email` is the address as registered and is where mail is sent;
-- `email_normalized` is only the lookup key.
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  email_normalized TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL
);
