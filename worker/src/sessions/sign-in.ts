/**
 * Signing in with email and password. Every failure looks the same to the caller
 * (`invalid_credentials`), and an unknown address costs the same hashing work as a wrong
 * password, so neither the answer nor its timing reveals which addresses have accounts.
 * A password locked by "this wasn't me" is treated like an unknown address: the same work, the
 * same answer, counted as a failure, so someone who knows it learns nothing and gets nowhere.
 * Guessing is limited per network and per address before any hashing (sign-in-limits.ts).
 *
 * A successful sign-in revokes the reset links that were asked for from its own network (SPEC
 * §4.9, narrowed: reset/requester-network.ts says why) and upgrades a hash made under older
 * parameters.
 *
 * An account whose address was never verified cannot sign in: the right password gets
 * `email_unverified` (only someone who knows the password learns that), a wrong one the usual
 * `invalid_credentials`.
 *
 * @example
 * const result = await signIn(env, { email, password, ip: readClientIp(request) });
 * if (result.ok) return { token: result.token, expiresAt: result.session.expiresAt };
 */
import { normalizeEmail } from "../../../shared/email-address.ts";
import { findAccountByEmail, upgradePasswordHash } from "../accounts/accounts.ts";
import { hashPassword, verifyPassword, verifyPasswordAgainstNothing } from "../crypto/password-hash.ts";
import { computeRequesterNetwork } from "../reset/requester-network.ts";
import { prepareSignInRevocation } from "../reset/reset-tokens.ts";
import { prepareSignInSession, type Session } from "./session.ts";
import { admitSignInAttempt, forgiveSignInAttempt } from "./sign-in-limits.ts";

export type SignInResult =
  | { ok: true; token: string; session: Session }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "email_unverified" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

const INVALID_CREDENTIALS = { ok: false, reason: "invalid_credentials" } as const;

/** Checks credentials and, when they are right, starts a session. Never throws for bad input. */
export async function signIn(env: Env, input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  // The limits come first and count the attempt as a failure, so guessing is capped before any
  // hashing; only a success below takes the failure back (sign-in-limits.ts).
  const admission = await admitSignInAttempt(env, normalizeEmail(input.email), input.ip);
  if (!admission.admitted) return { ok: false, reason: "rate_limited", retryAfterSeconds: admission.retryAfterSeconds };

  const account = await findAccountByEmail(env, input.email);
  if (!account || account.passwordLockedAt !== null) {
    await verifyPasswordAgainstNothing(input.password);
    return INVALID_CREDENTIALS;
  }
  const { valid, needsRehash } = await verifyPassword(input.password, account.passwordHash);
  if (!valid) return INVALID_CREDENTIALS;
  if (account.emailVerifiedAt === null) {
    // The right password is not a guess, verified or not: it takes its failure back.
    await forgiveSignInAttempt(env, admission.attempt);
    return { ok: false, reason: "email_unverified" };
  }

  const { token, session, statement } = await prepareSignInSession(env, { accountId: account.id, verifiedPasswordHash: account.passwordHash });
  const revocation = prepareSignInRevocation(env, {
    accountId: account.id,
    verifiedPasswordHash: account.passwordHash,
    signInNetwork: await computeRequesterNetwork(env, input.ip),
  });
  // One batch: the new session exists only if this network's reset links are gone, and vice
  // versa. Both hold only while the verified password is still the account's and not locked;
  // if a reset or "this wasn't me" landed during the hash, neither happens and the attempt
  // stays counted as a failure.
  const [, stored] = await env.DB.batch([revocation, statement]);
  if (stored?.meta.changes !== 1) return INVALID_CREDENTIALS;

  await forgiveSignInAttempt(env, admission.attempt);
  if (needsRehash) await upgradePasswordHash(env, account, await hashPassword(input.password));
  return { ok: true, token, session };
}
