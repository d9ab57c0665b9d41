/**
 * The password-reset flow: request a link, verify it, confirm a new password. The JSON API and
 * the web forms both call these functions, so they share one set of rules and rate-limit
 * counters. Token checks return null on every failure path and never throw.
 *
 * @example
 * const outcome = await requestPasswordReset(env, ctx, { email, client: "web", ip });
 * const reset = await verifyPasswordResetToken(env, token); // VerifiedReset | null
 * const result = await confirmPasswordReset(env, ctx, { token, password });
 * const same = await completePasswordReset(env, ctx, reset, password); // when `reset` is already verified
 */
import type { ResetClient } from "../../../shared/contract.ts";
import { normalizeEmail } from "../../../shared/email-address.ts";
import { describePasswordProblem } from "../../../shared/password-policy.ts";
import { isResetTokenShape } from "../../../shared/reset-token.ts";
import { findAccountByEmail, findAccountById, type Account } from "../accounts/accounts.ts";
import { readConfig } from "../config.ts";
import { constantTimeEqual } from "../crypto/constant-time.ts";
import { encodeBase64Url } from "../crypto/encoding.ts";
import { hashPassword } from "../crypto/password-hash.ts";
import { generateToken, hashToken } from "../crypto/token.ts";
import { sendPasswordChangedEmail, sendPasswordResetEmail } from "../mail/notifications.ts";
import { runInBackground } from "../platform/background.ts";
import { clock } from "../platform/clock.ts";
import { random } from "../platform/random.ts";
import { consumeRateLimit } from "../rate-limit/rate-limit.ts";
import { claimResetTokenAndSetPassword, findLiveResetToken, storeResetToken } from "./reset-tokens.ts";

export type ResetRequestOutcome = { accepted: true } | { accepted: false; retryAfterSeconds: number };

export type ConfirmResetOutcome =
  | { ok: true; account: Account }
  | { ok: false; reason: "token_invalid" }
  | { ok: false; reason: "password_policy"; message: string };

/**
 * Accepts a reset request. Before it returns it does only what cannot depend on whether the
 * account exists (the per-IP limit), so neither the answer nor its timing tells accounts apart;
 * the lookup, the per-email limit, the token and the email start only once the response is out.
 */
export async function requestPasswordReset(
  env: Env,
  ctx: ExecutionContext,
  input: { email: string; client: ResetClient; ip: string },
): Promise<ResetRequestOutcome> {
  const perIp = await consumeRateLimit(env, "reset-per-ip", input.ip);
  if (!perIp.allowed) return { accepted: false, retryAfterSeconds: perIp.retryAfterSeconds };
  ctx.waitUntil(
    runInBackground("reset request", async () => {
      await waitForResponseWriteOut();
      await deliverPasswordReset(env, input.email, input.client);
    }),
  );
  return { accepted: true };
}

/**
 * Resolves once the runtime has handled everything already queued, the write-out of the
 * response included. Work handed to `waitUntil` starts at once and shares the isolate's one
 * thread (and, under `wrangler dev`, the local D1) with that write-out, so a known address's six
 * statements and email rendering made its own answer ~18 ms slower than an unknown one's single
 * statement (bench timing oracle, p ≈ 1e-261). A timer fires only after the ready events, so
 * even a 0 ms wait moves the work behind the answer; the oracle measured no difference at 0, 2
 * and 10 ms. Releasing the work from the response body's last read was measured too and still
 * leaked ~14 ms: the body is read before it has passed through the runtime's own proxy.
 */
function waitForResponseWriteOut(): Promise<void> {
  return scheduler.wait(0);
}

/** The part of a request that runs after the response: silent for unknown or over-limit addresses. */
async function deliverPasswordReset(env: Env, email: string, client: ResetClient): Promise<void> {
  const account = await findAccountByEmail(env, email);
  if (!account) return;
  const perEmail = await consumeRateLimit(env, "reset-per-email", normalizeEmail(account.email));
  if (!perEmail.allowed) return;
  await issuePasswordReset(env, account, client);
}

/** Revokes the account's older links, creates a new one and emails it to the stored address. */
export async function issuePasswordReset(env: Env, account: Account, client: ResetClient): Promise<void> {
  const token = generateToken();
  const createdAt = clock.now();
  const expiresAt = createdAt + readConfig(env).resetTokenTtlMs;
  await storeResetToken(env, { tokenHash: await hashToken(token), accountId: account.id, client, createdAt, expiresAt });
  // Always the address stored on the account, never what was typed (CVE-2019-19844).
  await sendPasswordResetEmail(env, { to: account.email, token, client, expiresAt });
}

/** A live token, checked: whose it is, where it was asked for and when it expires. */
export interface VerifiedReset {
  account: Account;
  client: ResetClient;
  expiresAt: number;
  tokenHash: string;
}

/** Returns the account a live token belongs to and when the token expires, or null. */
export async function verifyPasswordResetToken(env: Env, token: unknown): Promise<VerifiedReset | null> {
  try {
    if (!isResetTokenShape(token)) return null;
    const tokenHash = await hashToken(token);
    const record = await findLiveResetToken(env, tokenHash, clock.now());
    // The index lookup already matched the hash; the constant-time check keeps every secret
    // comparison in one helper, so no future change can slip in an early-exit `===`.
    if (!record || !constantTimeEqual(record.tokenHash, tokenHash)) return null;
    const account = await findAccountById(env, record.accountId);
    if (!account) return null;
    return { account, client: record.client, expiresAt: record.expiresAt, tokenHash };
  } catch {
    return null;
  }
}

/**
 * Sets a new password with a token. The token is checked first because the policy needs the
 * account's email. The change itself is one atomic batch, so of many racing confirms exactly
 * one succeeds; the winner queues the "password changed" email.
 */
export async function confirmPasswordReset(
  env: Env,
  ctx: ExecutionContext,
  input: { token: string; password: string },
): Promise<ConfirmResetOutcome> {
  const reset = await verifyPasswordResetToken(env, input.token);
  if (!reset) return { ok: false, reason: "token_invalid" };
  return completePasswordReset(env, ctx, reset, input.password);
}

/**
 * Sets a new password for a reset this request already verified (the web form verifies before
 * it reads the fields), so a confirm checks the token once and the policy once. The claim in
 * the batch still refuses a token that was used or expired since.
 */
export async function completePasswordReset(
  env: Env,
  ctx: ExecutionContext,
  reset: VerifiedReset,
  password: string,
): Promise<ConfirmResetOutcome> {
  const problem = describePasswordProblem(password, {
    minLength: readConfig(env).passwordMinLength,
    email: reset.account.email,
  });
  if (problem) return { ok: false, reason: "password_policy", message: problem };
  const passwordHash = await hashPassword(password);
  const changedAt = clock.now();
  const claimed = await claimResetTokenAndSetPassword(env, {
    tokenHash: reset.tokenHash,
    accountId: reset.account.id,
    passwordHash,
    claim: encodeBase64Url(random.bytes(16)),
    now: changedAt,
  });
  if (!claimed) return { ok: false, reason: "token_invalid" };
  const account: Account = { ...reset.account, passwordHash, passwordChangedAt: changedAt };
  ctx.waitUntil(runInBackground("password changed email", () => sendPasswordChangedEmail(env, { account, changedAt })));
  return { ok: true, account };
}
