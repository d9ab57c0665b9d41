/**
 * The limits on guessing passwords, checked before any hashing:
 *  - per network (one IPv4 address or IPv6 /64): at most 20 failed sign-ins in any 15 minutes;
 *    past that every sign-in from it answers 429, even with the right password, so spraying
 *    one common password across many addresses stops after 20 tries;
 *  - per address: after 10 consecutive failures, 429 for 1 minute, and each further failure
 *    doubles it (2, 4, 8 ... capped at 1 hour), until a successful sign-in or a completed reset
 *    clears it. The address is the normalised email whether or not it has an account, so a known
 *    and an unknown address get the same answers in the same order.
 *
 * Failures from elsewhere never lock the owner out. A network or a device from which the address
 * signed in successfully in the last 30 days (trusted-clients.ts) has a lock count of its own, so
 * however many networks an attacker fails from, the owner on their own network, or with their own
 * device, still gets in. Whatever guesses that network or device makes are held by the same rule,
 * on its own count. (OWASP's "device cookies".)
 *
 * A failure can only be known after the hash, but counting it then would let a burst of
 * concurrent guesses all pass the check first. So every admitted attempt counts as a failure
 * up front, atomically, and a success takes it back: concurrent attempts never run past either
 * limit, and a right password within the limits signs in.
 *
 * Every place that checks a password someone already has goes through here: signing in,
 * confirming a sign-up with its password, and changing a password.
 *
 * @example
 * const admission = await admitSignInAttempt(env, emailNormalized, { ip, deviceToken });
 * if (!admission.admitted) return tooManyRequests(admission.retryAfterSeconds);
 * // ... on the right password:
 * await forgiveSignInAttempt(env, admission.attempt);
 */
import { readConfig } from "../config.ts";
import { computeKeyedHash } from "../crypto/keyed-hash.ts";
import { clock } from "../platform/clock.ts";
import { refundRateLimitHit, reserveRateLimit, type RateLimitHit } from "../rate-limit/rate-limit.ts";
import { findTrustedClient, type SignInClient } from "./trusted-clients.ts";

const MINUTE = 60_000;

/** The per-address lockout: from the 10th consecutive failure, 1 minute doubling up to 1 hour. */
export const ADDRESS_LOCKOUT = {
  failuresBeforeLockout: 10,
  firstLockoutMs: MINUTE,
  longestLockoutMs: 60 * MINUTE,
  /** How long an address's count is kept after its last lockout ends (or its last failure). */
  forgetAfterMs: 24 * 60 * MINUTE,
} as const;

export const SIGN_IN_FAILURE_QUERIES = {
  /**
   * One statement counts the failure unless the address is locked, and locks it from the 10th
   * failure on: `?4 << (n - 10)` is the first lockout doubled once per failure past the 10th.
   * In an upsert's SET every column name reads the row as it was before the update.
   */
  countFailure: `INSERT INTO sign_in_failures (subject, failures, locked_until, expires_at)
  VALUES (?1, 1, 0, ?2 + ?6)
  ON CONFLICT (subject) DO UPDATE SET
    failures = failures + 1,
    locked_until = CASE WHEN failures + 1 >= ?3 THEN ?2 + MIN(?4 << MIN(failures + 1 - ?3, 32), ?5) ELSE 0 END,
    expires_at = ?2 + ?6 + CASE WHEN failures + 1 >= ?3 THEN MIN(?4 << MIN(failures + 1 - ?3, 32), ?5) ELSE 0 END
  WHERE locked_until <= ?2
  RETURNING failures`,
  findLockedUntil: "SELECT locked_until FROM sign_in_failures WHERE subject = ?",
  deleteForSubject: "DELETE FROM sign_in_failures WHERE subject = ?",
} as const;

/** An admitted attempt, counted as a failure until `forgiveSignInAttempt` takes it back. */
export interface SignInAttempt {
  networkHit: RateLimitHit;
  /** HMAC of the count this attempt went on (the address's, or a trusted client's own), or null when limits are off. */
  addressSubject: string | null;
}

export type SignInAdmission = { admitted: true; attempt: SignInAttempt } | { admitted: false; retryAfterSeconds: number };

/** Checks both limits and, when neither refuses, counts the attempt as a failure in both. */
export async function admitSignInAttempt(env: Env, emailNormalized: string, client: SignInClient): Promise<SignInAdmission> {
  if (!readConfig(env).rateLimitsEnabled) return { admitted: true, attempt: { networkHit: null, addressSubject: null } };
  const network = await reserveRateLimit(env, "sign-in-failures-per-network", client.ip);
  if (!network.allowed) return { admitted: false, retryAfterSeconds: network.retryAfterSeconds };
  // The same lookup for every address: an unknown one simply has no trusted clients.
  const trusted = await findTrustedClient(env, emailNormalized, client);
  const addressSubject = await computeAddressSubject(env, emailNormalized, trusted);
  const address = await countAddressFailure(env, addressSubject);
  if (!address.allowed) {
    // A refused attempt is not a failure: it must not use up the network's allowance.
    await refundRateLimitHit(env, network.hit);
    return { admitted: false, retryAfterSeconds: address.retryAfterSeconds };
  }
  return { admitted: true, attempt: { networkHit: network.hit, addressSubject } };
}

/** Takes back the failure counted for a successful attempt and clears the count it went on. */
export async function forgiveSignInAttempt(env: Env, attempt: SignInAttempt): Promise<void> {
  await refundRateLimitHit(env, attempt.networkHit);
  if (attempt.addressSubject) await deleteAddressFailures(env, attempt.addressSubject);
}

/** Starts the own counts of clients just trusted afresh, so no lock left from an earlier trust applies. */
export async function clearTrustedClientFailures(env: Env, emailNormalized: string, trustedClients: readonly string[]): Promise<void> {
  for (const client of trustedClients) await deleteAddressFailures(env, await computeAddressSubject(env, emailNormalized, client));
}

/** Ends any lockout of an address from untrusted clients and resets its count; a completed password reset calls it. */
export async function clearSignInFailures(env: Env, emailNormalized: string): Promise<void> {
  await deleteAddressFailures(env, await computeAddressSubject(env, emailNormalized, null));
}

/** When the address's own lockout ends (untrusted clients), or null while it is not locked. */
export async function readSignInLock(env: Env, emailNormalized: string): Promise<number | null> {
  const subject = await computeAddressSubject(env, emailNormalized, null);
  const lock = await env.DB.prepare(SIGN_IN_FAILURE_QUERIES.findLockedUntil).bind(subject).first<{ locked_until: number }>();
  return lock && lock.locked_until > clock.now() ? lock.locked_until : null;
}

/** The count an attempt goes on: the address's own, or the trusted client's count for that address. */
function computeAddressSubject(env: Env, emailNormalized: string, trustedClient: string | null): Promise<string> {
  const value = trustedClient === null ? `sign-in-address\n${emailNormalized}` : `sign-in-address\n${emailNormalized}\n${trustedClient}`;
  return computeKeyedHash(env, "rate-limit", value);
}

async function deleteAddressFailures(env: Env, subject: string): Promise<void> {
  await env.DB.prepare(SIGN_IN_FAILURE_QUERIES.deleteForSubject).bind(subject).run();
}

async function countAddressFailure(
  env: Env,
  subject: string,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const now = clock.now();
  const { failuresBeforeLockout, firstLockoutMs, longestLockoutMs, forgetAfterMs } = ADDRESS_LOCKOUT;
  const counted = await env.DB.prepare(SIGN_IN_FAILURE_QUERIES.countFailure)
    .bind(subject, now, failuresBeforeLockout, firstLockoutMs, longestLockoutMs, forgetAfterMs)
    .first<{ failures: number }>();
  if (counted) return { allowed: true };
  const lock = await env.DB.prepare(SIGN_IN_FAILURE_QUERIES.findLockedUntil).bind(subject).first<{ locked_until: number }>();
  const lockedUntil = lock?.locked_until ?? now;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil - now) / 1000)) };
}
