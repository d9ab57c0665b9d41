/**
 * The networks and devices an address signed in from successfully in the last 30 days. Failures
 * from anywhere else cannot lock the owner out of these (sign-in-limits.ts), and reset emails asked
 * for from them are not held back by the per-address ceiling (reset/password-reset.ts).
 *
 * A device is a random token the client keeps after a successful sign-in: the web pages keep it in
 * a cookie, the desktop app in its user-data folder, and the JSON API hands it back as
 * `deviceToken`. It signs nobody in; it only says "this client got in here before" (OWASP's
 * device cookies). Both kinds are stored as HMACs, under a purpose of their own, of the
 * normalised address with the device token or the network's keyed hash, never either in clear,
 * and each is forgotten 30 days after its last successful sign-in. A completed reset, a change of
 * password and "this wasn't me" forget them all at once: one of them may be the attacker's.
 *
 * @example
 * const trusted = await findTrustedClient(env, emailNormalized, { ip, deviceToken }); // HMAC or null
 * await rememberTrustedClient(env, emailNormalized, { ip, deviceToken }); // after a successful sign-in
 */
import { isTokenShape } from "../../../shared/token-shape.ts";
import { computeKeyedHash } from "../crypto/keyed-hash.ts";
import { clock } from "../platform/clock.ts";
import { computeRequesterNetwork } from "../reset/requester-network.ts";

/** Who is signing in: the client's IP address and the device token it keeps, if any. */
export interface SignInClient {
  ip: string;
  deviceToken: string | null;
}

/** How long a network or device stays trusted after its last successful sign-in. */
export const TRUSTED_CLIENT_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export const TRUSTED_CLIENT_QUERIES = {
  findTrusted: "SELECT subject FROM trusted_sign_in_clients WHERE subject IN (?1, ?2) AND expires_at > ?3",
  remember: `INSERT INTO trusted_sign_in_clients (subject, address_hash, expires_at) VALUES (?1, ?2, ?3)
    ON CONFLICT (subject) DO UPDATE SET expires_at = excluded.expires_at`,
  forgetForAddress: "DELETE FROM trusted_sign_in_clients WHERE address_hash = ?",
} as const;

/**
 * The HMAC of the trusted client behind this attempt (its device first, else its network), or
 * null. The same single lookup runs for every address.
 */
export async function findTrustedClient(env: Env, emailNormalized: string, client: SignInClient): Promise<string | null> {
  const { device, network } = await computeSubjects(env, emailNormalized, client.deviceToken, await computeRequesterNetwork(env, client.ip));
  if (!device && !network) return null;
  const { results } = await env.DB.prepare(TRUSTED_CLIENT_QUERIES.findTrusted).bind(device, network, clock.now()).all<{ subject: string }>();
  const found = new Set(results.map((row) => row.subject));
  if (device && found.has(device)) return device;
  return network && found.has(network) ? network : null;
}

/** Whether a reset request from `requesterNetwork` (its keyed hash) came from a network the address signed in from lately. */
export async function isTrustedNetwork(env: Env, emailNormalized: string, requesterNetwork: string | null): Promise<boolean> {
  const { network } = await computeSubjects(env, emailNormalized, null, requesterNetwork);
  if (!network) return false;
  const row = await env.DB.prepare(TRUSTED_CLIENT_QUERIES.findTrusted).bind(null, network, clock.now()).first();
  return row !== null;
}

/** Trusts the client's network and device for the address, for 30 days from now; returns their HMACs. */
export async function rememberTrustedClient(env: Env, emailNormalized: string, client: SignInClient): Promise<string[]> {
  const { device, network } = await computeSubjects(env, emailNormalized, client.deviceToken, await computeRequesterNetwork(env, client.ip));
  const addressHash = await computeAddressHash(env, emailNormalized);
  const expiresAt = clock.now() + TRUSTED_CLIENT_TTL_MS;
  const subjects = [device, network].filter((subject): subject is string => subject !== null);
  if (subjects.length > 0) {
    await env.DB.batch(subjects.map((subject) => env.DB.prepare(TRUSTED_CLIENT_QUERIES.remember).bind(subject, addressHash, expiresAt)));
  }
  return subjects;
}

/** Forgets every network and device trusted for the address. */
export async function forgetTrustedClients(env: Env, emailNormalized: string): Promise<void> {
  await env.DB.prepare(TRUSTED_CLIENT_QUERIES.forgetForAddress).bind(await computeAddressHash(env, emailNormalized)).run();
}

function computeAddressHash(env: Env, emailNormalized: string): Promise<string> {
  return computeKeyedHash(env, "trusted-client", `address\n${emailNormalized}`);
}

async function computeSubjects(
  env: Env,
  emailNormalized: string,
  deviceToken: string | null,
  requesterNetwork: string | null,
): Promise<{ device: string | null; network: string | null }> {
  const [device, network] = await Promise.all([
    isTokenShape(deviceToken) ? computeKeyedHash(env, "trusted-client", `device\n${emailNormalized}\n${deviceToken}`) : null,
    requesterNetwork ? computeKeyedHash(env, "trusted-client", `network\n${emailNormalized}\n${requesterNetwork}`) : null,
  ]);
  return { device, network };
}
