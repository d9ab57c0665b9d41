-- Migration number: 0004 	 rate_limits
-- Fixed-window counters shared by the JSON API and the web forms. `bucket` names the limit
-- and its subject (hashed where it is an email address); `window_start` is in milliseconds.
CREATE TABLE rate_limits (
  bucket TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  hits INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limits_by_expiry ON rate_limits (expires_at);
