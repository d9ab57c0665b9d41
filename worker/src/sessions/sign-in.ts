/**
 * Signing in with email and password. Every failure looks the same to the caller
 * (`invalid_credentials`), and an unknown address costs the same hashing work as a wrong
 * password, so neither the answer nor its timing reveals which addresses have accounts.
 * A successful sign-in also revokes the account's outstanding reset links (SPEC §4.9) and
 * upgrades a hash made under older parameters. Guessing is limited per network and per address
 * before any hashing (sign-in-limits.ts).
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
import { prepareResetTokenRevocation } from "../reset/reset-tokens.ts";
import { prepareSession, type Session } from "./session.ts";
import { admitSignInAttempt, forgiveSignInAttempt } from "./sign-in-limits.ts";

export type SignInResult =
  | { ok: true; token: string; session: Session }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "email_unverified" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** Checks credentials and, when they are right, starts a session. Never throws for bad input. */
export async function signIn(env: Env, input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  // The limits come first and count the attempt as a failure, so guessing is capped before any
  // hashing; only a success below takes the failure back (sign-in-limits.ts).
  const admission = await admitSignInAttempt(env, normalizeEmail(input.email), input.ip);
  if (!admission.admitted) return { ok: false, reason: "rate_limited", retryAfterSeconds: admission.retryAfterSeconds };

  const account = await findAccountByEmail(env, input.email);
  if (!account) {
    await verifyPasswordAgainstNothing(input.password);
    return { ok: false, reason: "invalid_credentials" };
  }
  const { valid, needsRehash } = await verifyPassword(input.password, account.passwordHash);
  if (!valid) return { ok: false, reason: "invalid_credentials" };
  // The right password is not a guess, verified or not: it takes its failure back.
  await forgiveSignInAttempt(env, admission.attempt);
  if (account.emailVerifiedAt === null) return { ok: false, reason: "email_unverified" };
  if (needsRehash) await upgradePasswordHash(env, account, await hashPassword(input.password));

  const { token, session, statement } = await prepareSession(env, account.id);
  // One batch: the new session exists only if the old reset links are gone, and vice versa.
  await env.DB.batch([prepareResetTokenRevocation(env, account.id), statement]);
  return { ok: true, token, session };
}
