/**
 * The password-reset flow: request a link, verify it, confirm a new password. The JSON API and
 * the web forms both call these functions, so they share one set of rules and rate-limit
 * counters. A request only queues a job; the mail-queue consumer calls
 * `deliverRequestedPasswordReset` for it. Token checks return null for every kind of bad token
 * and never throw for one; a storage failure is not a bad token and propagates, so the edge
 * answers 503, not "invalid link".
 *
 * @example
 * const outcome = await requestPasswordReset(env, { email, client: "web", ip });
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
import { enqueueMail, type MailJobContext, type MailJobOutcome } from "../mail/mail-jobs.ts";
import type { DeliveryAttempt, DeliveryOutcome } from "../mail/mailer.ts";
import { sendPasswordResetEmail } from "../mail/notifications.ts";
import { runInBackground } from "../platform/background.ts";
import { clock } from "../platform/clock.ts";
import { random } from "../platform/random.ts";
import { consumeRateLimit } from "../rate-limit/rate-limit.ts";
import { clearSignInFailures } from "../sessions/sign-in-limits.ts";
import { claimResetTokenAndSetPassword, findLiveResetToken, storeResetToken } from "./reset-tokens.ts";
import { createResetCode } from "./reset-codes.ts";

export type ResetRequestOutcome = { accepted: true } | { accepted: false; retryAfterSeconds: number };

export type ConfirmResetOutcome =
  | { ok: true; account: Account }
  | { ok: false; reason: "token_invalid" }
  | { ok: false; reason: "password_policy"; message: string };

/**
 * Accepts a reset request. It does only what cannot depend on whether the account exists: the
 * per-network limit and one message on the mail queue, the same for every address. The lookup,
 * the per-address limit, the token and the email happen in the queue consumer, in another
 * invocation (`deliverRequestedPasswordReset`), so neither the answer nor its timing, nor any
 * work left running on this isolate, tells accounts apart.
 */
export async function requestPasswordReset(
  env: Env,
  input: { email: string; client: ResetClient; ip: string },
): Promise<ResetRequestOutcome> {
  const perIp = await consumeRateLimit(env, "reset-per-ip", input.ip);
  if (!perIp.allowed) return { accepted: false, retryAfterSeconds: perIp.retryAfterSeconds };
  await enqueueMail(env, { kind: "password_reset_request", email: input.email, client: input.client, requestedAt: clock.now() });
  return { accepted: true };
}

/**
 * The queue consumer's part of a reset request: silent (a "skipped" outcome) for unknown or
 * over-limit addresses. The per-address limit counts once per request: a retry after a failed
 * send (`resumed`) does not count again, or an outage would use up the owner's requests.
 */
export async function deliverRequestedPasswordReset(
  env: Env,
  job: { id: string; email: string; client: ResetClient },
  context: MailJobContext,
): Promise<MailJobOutcome> {
  const account = await findAccountByEmail(env, job.email);
  if (!account) return { status: "skipped", reason: "no_account", to: job.email };
  if (!context.resumed) {
    const perEmail = await consumeRateLimit(env, "reset-per-email", normalizeEmail(account.email));
    if (!perEmail.allowed) return { status: "skipped", reason: "address_limit", to: job.email };
  }
  return issuePasswordReset(env, account, job.client, { id: job.id, attempts: context.attempts });
}

/**
 * Revokes the account's older links, creates a new one with its code and emails both to the stored address:
 * one send attempt of one queue job.
 *
 * The link's lifetime starts here, at the attempt that sends it, not when it was requested: a
 * request that waits out an hour-long provider outage on the queue must not arrive as a link
 * that died 30 minutes ago. So every attempt makes a fresh token (revoking the one the failed
 * attempt before it stored, which nobody received) and its expiry counts from now; the email
 * that is finally accepted carries a link good for the full RESET_TOKEN_TTL_MINUTES.
 */
export async function issuePasswordReset(
  env: Env,
  account: Account,
  client: ResetClient,
  attempt: DeliveryAttempt,
): Promise<DeliveryOutcome> {
  const token = generateToken();
  const createdAt = clock.now();
  const expiresAt = createdAt + readConfig(env).resetTokenTtlMs;
  const { code, codeHash, resetGuesses } = await createResetCode(env, account.emailNormalized);
  await storeResetToken(env, { tokenHash: await hashToken(token), accountId: account.id, client, createdAt, expiresAt, codeHash }, [resetGuesses]);
  // Always the address stored on the account, never what was typed (CVE-2019-19844).
  return sendPasswordResetEmail(env, { to: account.email, token, code, client, expiresAt }, attempt);
}

/** A live token, checked: whose it is, where it was asked for and when it expires. */
export interface VerifiedReset {
  account: Account;
  client: ResetClient;
  expiresAt: number;
  tokenHash: string;
}

/** Returns the account a live token belongs to and when the token expires, or null; storage failures throw. */
export async function verifyPasswordResetToken(env: Env, token: unknown): Promise<VerifiedReset | null> {
  if (!isResetTokenShape(token)) return null;
  const tokenHash = await hashToken(token);
  const record = await findLiveResetToken(env, tokenHash, clock.now());
  // The index lookup already matched the hash; the constant-time check keeps every secret
  // comparison in one helper, so no future change can slip in an early-exit `===`.
  if (!record || !constantTimeEqual(record.tokenHash, tokenHash)) return null;
  const account = await findAccountById(env, record.accountId);
  if (!account) return null;
  return { account, client: record.client, expiresAt: record.expiresAt, tokenHash };
}

/**
 * Sets a new password with a token. The token is checked first because the policy needs the
 * account's email. The change itself is one atomic batch, so of many racing confirms exactly
 * one succeeds; the winner puts the "password changed" email on the mail queue. A reset works
 * the same for an account whose address is not verified yet, and completing it verifies the
 * address: the link proved the mailbox.
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
  const account: Account = {
    ...reset.account,
    passwordHash,
    passwordChangedAt: changedAt,
    emailVerifiedAt: reset.account.emailVerifiedAt ?? changedAt,
  };
  await clearSignInFailures(env, normalizeEmail(account.email));
  // The password is already changed; a queue hiccup must not turn that into an error page.
  ctx.waitUntil(
    runInBackground("queueing the password changed email", () =>
      enqueueMail(env, { kind: "password_changed", accountId: account.id, changedAt }).then(() => undefined),
    ),
  );
  return { ok: true, account };
}
