-- Migration number: 0075 	 operator_api
-- What the operator API (/api/v1/admin/) needs to answer "the email never came":
--  - a failed delivery keeps its queue job (`job`, JSON), so it can be sent again; a job never holds
--    a token, a password or a link, only what finds the recipient;
--  - each account's last successful sign-in;
--  - one audit record per admin call: what was done to what, and when, never the token.
ALTER TABLE mail_deliveries ADD COLUMN job TEXT;
ALTER TABLE accounts ADD COLUMN last_sign_in_at INTEGER;
CREATE TABLE admin_audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX admin_audit_by_time ON admin_audit (at);
