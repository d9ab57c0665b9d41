-- Migration number: 0072 	 trusted_sign_in_clients
-- Networks and devices an address signed in from successfully in the last 30 days. Failures from
-- elsewhere never lock them out, and reset emails asked for from such a network are not held back
-- by the per-address ceiling. `subject` is an HMAC under the Worker's HMAC_KEY of the normalised
-- address with the device token or the network's own HMAC, never either in clear; `address_hash`
-- (an HMAC of the address alone) lets a completed reset or "this wasn't me" forget them all, since
-- one of them may be the attacker's; `expires_at` (ms) is 30 days after the last successful
-- sign-in, for the scheduled purge.
CREATE TABLE trusted_sign_in_clients (
  subject TEXT PRIMARY KEY,
  address_hash TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX trusted_sign_in_clients_by_address ON trusted_sign_in_clients (address_hash);
CREATE INDEX trusted_sign_in_clients_by_expiry ON trusted_sign_in_clients (expires_at);
