-- Migration number: 0041 	 sign_in_failures
-- Consecutive failed sign-ins per email address (known or not), keyed by HMAC-SHA-256 of the
-- normalised address under HMAC_KEY. From the tenth failure on, the address is locked until
-- `locked_until` (ms), for a time that doubles with each further failure; a successful sign-in
-- or a completed reset deletes the row, and the purge forgets it a day after the lock ends.
CREATE TABLE sign_in_failures (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_by_expiry ON sign_in_failures (expires_at);
