/**
 * The network a reset link was asked for from, kept on the link so that a successful sign-in
 * revokes only the links asked for from the network it happens on, rather than every link of the
 * account:
 *  - the owner who asks for a link, then remembers the password and signs in from the same
 *    place, still sees the stale link die;
 *  - someone who knows the password and signs in from anywhere else cannot kill the owner's
 *    link over and over, which would block recovery.
 *
 * A network is what the rate limits count (rate-limit/network.ts): one IPv4 address or one
 * IPv6 /64, so a phone rotating privacy addresses inside its /64 is still the same place. It is
 * stored as an HMAC under `HMAC_KEY` with a purpose of its own: every IPv4 address can be hashed
 * in minutes, so a plain hash would put the owner's address in the table, and a separate key
 * keeps these hashes from being joined to the rate-limit rows. The address that cannot be parsed
 * is no network at all (every such client shares that bucket), so it gives null: a link
 * without a network is never revoked by a sign-in, and such a sign-in revokes nothing.
 *
 * @example
 * const requesterNetwork = await computeRequesterNetwork(env, readClientIp(request)); // 43 chars or null
 */
import { computeKeyedHash } from "../crypto/keyed-hash.ts";
import { networkOf, UNPARSEABLE_NETWORK } from "../rate-limit/network.ts";

/** The keyed hash of `ip`'s network, or null when the address cannot be parsed. */
export async function computeRequesterNetwork(env: Env, ip: string): Promise<string | null> {
  const network = networkOf(ip);
  if (network === UNPARSEABLE_NETWORK) return null;
  return computeKeyedHash(env, "reset-network", network);
}
