-- Migration number: 0004 	 rate_limits
-- Fixed-window counters shared by the JSON API and the web forms. `bucket` names the limit
-- and its subject; `window_start` is in milliseconds. The subject was a plain SHA-256, which
-- hides nothing: every IPv4 address, or a list of email addresses, hashes in minutes. Replaced
-- by 0040 (sliding windows, subjects as HMAC-SHA-256 under HMAC_KEY).
CREATE TABLE rate_limits (
  bucket TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  hits INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limits_by_expiry ON rate_limits (expires_at);
