-- Migration number: 0051 	 password_lock
-- Recovery that someone who knows the password cannot block.
--
-- `accounts.password_locked_at` (ms) is set by "this wasn't me": from then on the stored password
-- signs in to nothing, and a sign-in with it fails exactly like a wrong one, until a completed
-- password reset stores a new hash and sets the column back to NULL. NULL means the password works.
ALTER TABLE accounts ADD COLUMN password_locked_at INTEGER;

-- `password_reset_tokens.requester_network` is the network (one IPv4 address or one IPv6 /64) the
-- link was asked for from, as an HMAC under the Worker's HMAC_KEY secret, never the address itself.
-- A successful sign-in revokes only the links asked for from its own network, so signing in
-- elsewhere with a known password cannot kill the owner's link. NULL (links sent by "this wasn't
-- me", links stored before this column) is never revoked by a sign-in.
ALTER TABLE password_reset_tokens ADD COLUMN requester_network TEXT;
