-- Migration number: 0020 	 web_secrets
-- Server-side keys for the edge pages, created on first use so a fresh deployment needs no
-- configuration. Today it holds one row: the HMAC key that signs CSRF tokens.
CREATE TABLE web_secrets (
  name TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
