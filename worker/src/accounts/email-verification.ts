/**
 * Confirming a sign-up: the link from the verification email, plus the sign-up's password. This
 * is the moment the account is born (pending-sign-ups.ts).
 *
 * The token proves the mailbox; the password proves that whoever opened the mailbox also chose
 * the password. Without the second half, someone could sign up first with another person's
 * address and a password of their own, wait for the owner to click the link, and then sign in to
 * an account the owner now believes is theirs (pre-account takeover, docs/threat-model.md). With
 * it, the owner who did not choose that password cannot confirm it; signing up again gives the
 * address a password of their own, and its link replaces the other.
 *
 * The password check counts against the sign-in limits like a sign-in, and against the link
 * (five wrong ones end it). A repeat of a confirmation that just succeeded is recognised by the
 * receipt its browser got (crypto/receipt.ts), never by checking a password again.
 *
 * Checks return a typed "invalid" result for every kind of bad token and never throw for one; a
 * storage failure is not a bad token and propagates, so the edge answers 503.
 *
 * @example
 * const found = await findEmailVerification(env, token); // { email, maskedEmail } | null
 * const result = await verifyEmail(env, { token, password }, { ip, deviceToken: null });
 */
import { maskEmail } from "../../../shared/email-address.ts";
import { isTokenShape } from "../../../shared/token-shape.ts";
import { encodeBase64Url } from "../crypto/encoding.ts";
import { verifyPassword } from "../crypto/password-hash.ts";
import { issueReceipt, readReceipt } from "../crypto/receipt.ts";
import { hashToken } from "../crypto/token.ts";
import { clock } from "../platform/clock.ts";
import { random } from "../platform/random.ts";
import { admitSignInAttempt, forgiveSignInAttempt } from "../sessions/sign-in-limits.ts";
import type { SignInClient } from "../sessions/trusted-clients.ts";
import { findPendingSignUp, type PendingSignUp } from "./pending-sign-ups.ts";
import { confirmSignUp, findLiveVerificationToken, isVerificationTokenUsed, reserveVerificationAttempt } from "./verification-tokens.ts";

/** How long after a confirmation its browser still gets the success page for a repeat. */
export const FINISHED_VERIFICATION_WINDOW_MS = 5 * 60 * 1000;

export type VerifyEmailResult =
  | { ok: true; account: { id: string; email: string } }
  | { ok: false; reason: "token_invalid" }
  | { ok: false; reason: "wrong_password" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** Why a confirmation link no longer opens the form: it confirmed its address already, or never worked or expired. */
export type DeadVerificationLink = "used" | "invalid";

/** The address behind a live verification link, without using it; null for any bad link. */
export async function findEmailVerification(env: Env, token: string): Promise<{ email: string; maskedEmail: string } | null> {
  const signUp = await findLiveSignUp(env, token);
  return signUp ? { email: signUp.email, maskedEmail: maskEmail(signUp.email) } : null;
}

/**
 * Confirms a link's address when `password` is the sign-up's password, creating its account.
 * Each attempt counts against the sign-in limits and against the link before the password is
 * checked, so concurrent guesses cannot exceed what either allows; the right password takes both
 * counts back.
 */
export async function verifyEmail(env: Env, input: { token: string; password: string }, client: SignInClient): Promise<VerifyEmailResult> {
  const signUp = await findLiveSignUp(env, input.token);
  if (!signUp) return { ok: false, reason: "token_invalid" };
  const admission = await admitSignInAttempt(env, signUp.emailNormalized, client);
  if (!admission.admitted) return { ok: false, reason: "rate_limited", retryAfterSeconds: admission.retryAfterSeconds };
  const tokenHash = await hashToken(input.token);
  if (!(await reserveVerificationAttempt(env, tokenHash, clock.now()))) return { ok: false, reason: "token_invalid" };
  if (!(await verifyPassword(input.password, signUp.passwordHash)).valid) return { ok: false, reason: "wrong_password" };
  const confirmed = await confirmSignUp(env, {
    tokenHash,
    signUpId: signUp.id,
    email: signUp.email,
    passwordHash: signUp.passwordHash,
    claim: encodeBase64Url(random.bytes(16)),
    now: clock.now(),
  });
  // Used by a concurrent confirmation, expired, the password replaced by a newer sign-up since
  // it was checked, or the address registered some other way meanwhile.
  if (!confirmed) return { ok: false, reason: "token_invalid" };
  await forgiveSignInAttempt(env, admission.attempt);
  return { ok: true, account: { id: signUp.id, email: signUp.email } };
}

/** The receipt for the browser that just confirmed its address; its done cookie keeps it. */
export function issueFinishedVerificationReceipt(env: Env): Promise<string> {
  return issueReceipt(env, "verify-receipt", []);
}

/** Whether a receipt proves this browser confirmed an address moments ago. */
export async function recognizeFinishedVerification(env: Env, receipt: string | null): Promise<boolean> {
  return (await readReceipt(env, "verify-receipt", receipt, FINISHED_VERIFICATION_WINDOW_MS)) !== null;
}

/** Whether a link that no longer works confirmed its address already, or never worked or expired. */
export async function explainDeadVerificationLink(env: Env, token: string | null): Promise<DeadVerificationLink> {
  if (!isTokenShape(token)) return "invalid";
  return (await isVerificationTokenUsed(env, await hashToken(token))) ? "used" : "invalid";
}

/** The pending sign-up behind a live link, or null for an unknown, used, expired or worn-out one. */
async function findLiveSignUp(env: Env, token: unknown): Promise<PendingSignUp | null> {
  if (!isTokenShape(token)) return null;
  const live = await findLiveVerificationToken(env, await hashToken(token), clock.now());
  return live ? findPendingSignUp(env, live.signUpId) : null;
}
