-- Migration number: 0040 	 sliding_rate_limits
-- Rate limits become sliding windows: one row per admitted hit, and a hit is admitted only while
-- fewer than the limit fall in the window before it, so no span of the window's length ever
-- admits more (the fixed windows of 0004 let twice the limit through across a boundary).
-- `bucket` is the rule name and HMAC-SHA-256 of the subject under the Worker's HMAC_KEY; times
-- are milliseconds; `expires_at` is when the hit leaves its window, for the scheduled purge.
-- The old counters are dropped: losing up to 15 minutes of counts once is harmless.
DROP TABLE rate_limits;
CREATE TABLE rate_limits (
  id INTEGER PRIMARY KEY,
  bucket TEXT NOT NULL,
  hit_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX rate_limits_by_bucket ON rate_limits (bucket, hit_at);
CREATE INDEX rate_limits_by_expiry ON rate_limits (expires_at);
