/**
 * Confirming a sign-up: the link from the verification email, plus the account's password.
 *
 * The token proves the mailbox; the password proves that whoever opened the mailbox also chose
 * the account's password. Without the second half, someone could sign up first with another
 * person's address and a password of their own, wait for the owner to click the link, and then
 * sign in to an account the owner now believes is theirs (pre-account takeover,
 * docs/threat-model.md). With it, the owner who did not choose that password cannot verify the
 * account; resetting the password (which also proves the address) gives it one of their own.
 *
 * Checks return a typed "invalid" result for every kind of bad token and never throw for one; a
 * storage failure is not a bad token and propagates, so the edge answers 503.
 *
 * @example
 * const found = await findEmailVerification(env, token); // { email, maskedEmail } | null
 * const result = await verifyEmail(env, { token, password }); // ok, token_invalid or wrong_password
 */
import { maskEmail } from "../../../shared/email-address.ts";
import { isResetTokenShape } from "../../../shared/reset-token.ts";
import { encodeBase64Url } from "../crypto/encoding.ts";
import { verifyPassword } from "../crypto/password-hash.ts";
import { hashToken } from "../crypto/token.ts";
import { clock } from "../platform/clock.ts";
import { random } from "../platform/random.ts";
import { findAccountById } from "./accounts.ts";
import {
  claimVerificationToken,
  findLiveVerificationToken,
  findVerificationTokenUsedSince,
  reserveVerificationAttempt,
} from "./verification-tokens.ts";

/** How long a repeat of a successful confirmation still gets the success page. */
export const REPEAT_CONFIRMATION_MS = 5 * 60 * 1000;

export type VerifyEmailResult =
  | { ok: true; account: { id: string; email: string } }
  | { ok: false; reason: "token_invalid" }
  | { ok: false; reason: "wrong_password" };

/** The address behind a live verification link, without using it; null for any bad link. */
export async function findEmailVerification(env: Env, token: string): Promise<{ email: string; maskedEmail: string } | null> {
  if (!isResetTokenShape(token)) return null;
  const live = await findLiveVerificationToken(env, await hashToken(token), clock.now());
  if (!live) return null;
  const account = await findAccountById(env, live.accountId);
  if (!account || account.emailVerifiedAt !== null) return null;
  return { email: account.email, maskedEmail: maskEmail(account.email) };
}

/**
 * Verifies the address of a link's account when `password` is the account's current password.
 * Each attempt counts against the link before the password is checked, so concurrent guesses
 * cannot exceed the five a link allows; the right password takes its count back.
 */
export async function verifyEmail(env: Env, input: { token: string; password: string }): Promise<VerifyEmailResult> {
  if (!isResetTokenShape(input.token)) return { ok: false, reason: "token_invalid" };
  const tokenHash = await hashToken(input.token);
  const reserved = await reserveVerificationAttempt(env, tokenHash, clock.now());
  if (!reserved) return { ok: false, reason: "token_invalid" };
  const account = await findAccountById(env, reserved.accountId);
  if (!account || account.emailVerifiedAt !== null) return { ok: false, reason: "token_invalid" };
  const { valid } = await verifyPassword(input.password, account.passwordHash);
  if (!valid) return { ok: false, reason: "wrong_password" };
  const claimed = await claimVerificationToken(env, {
    tokenHash,
    accountId: account.id,
    passwordHash: account.passwordHash,
    claim: encodeBase64Url(random.bytes(16)),
    now: clock.now(),
  });
  // Used by a concurrent verify, expired, or the password changed since it was checked.
  if (!claimed) return { ok: false, reason: "token_invalid" };
  return { ok: true, account: { id: account.id, email: account.email } };
}

/**
 * Whether `token` confirmed its account's address within the last few minutes and `password` is
 * that account's password: a repeat of the confirming form from the person who just sent it,
 * who should see the success page again, not "link invalid". Changes nothing.
 */
export async function isRepeatedConfirmation(env: Env, input: { token: string; password: string }): Promise<{ id: string; email: string } | null> {
  if (!isResetTokenShape(input.token)) return null;
  const used = await findVerificationTokenUsedSince(env, await hashToken(input.token), clock.now() - REPEAT_CONFIRMATION_MS);
  if (!used) return null;
  const account = await findAccountById(env, used.accountId);
  if (!account || account.emailVerifiedAt === null) return null;
  if (!(await verifyPassword(input.password, account.passwordHash)).valid) return null;
  return { id: account.id, email: account.email };
}
