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
import type { Message } from "../../../shared/i18n/translator.ts";
import type { ResetClient } from "../../../shared/contract.ts";
import { isTokenShape } from "../../../shared/token-shape.ts";
import { findAccountByEmail, findAccountById, type Account } from "../accounts/accounts.ts";
import { readConfig } from "../config.ts";
import { constantTimeEqual } from "../crypto/constant-time.ts";
import { encodeBase64Url } from "../crypto/encoding.ts";
import { hashPassword } from "../crypto/password-hash.ts";
import { generateToken, hashToken } from "../crypto/token.ts";
import { rememberStatedLocale } from "../i18n/account-language.ts";
import { fromJobLanguage, toJobLanguage, type RequestLanguage } from "../i18n/request-language.ts";
import { enqueueMail, type MailJob, type MailJobContext, type MailJobOutcome } from "../jobs/mail-jobs.ts";
import type { DeliveryAttempt, DeliveryOutcome } from "../mail/mailer.ts";
import { sendPasswordResetEmail, type EmailLanguage } from "../mail/notifications.ts";
import { findNewPasswordProblem } from "../passwords/new-password.ts";
import { runInBackground } from "../platform/background.ts";
import { clock } from "../platform/clock.ts";
import { random } from "../platform/random.ts";
import { consumeRateLimit } from "../rate-limit/rate-limit.ts";
import { clearSignInFailures } from "../sessions/sign-in-limits.ts";
import { forgetTrustedClients, isTrustedNetwork } from "../sessions/trusted-clients.ts";
import { claimResetTokenAndSetPassword, findLiveResetToken, storeResetToken } from "./reset-tokens.ts";
import { createResetCode } from "./reset-codes.ts";
import { computeRequesterNetwork } from "./requester-network.ts";

export type ResetRequestOutcome = { accepted: true } | { accepted: false; retryAfterSeconds: number };

export type ConfirmResetOutcome =
  | { ok: true; account: Account }
  | { ok: false; reason: "token_invalid" }
  | { ok: false; reason: "password_policy"; message: Message };

/** Where a reset link was asked for: the app or the web, and the keyed hash of the network, if any. */
export interface ResetOrigin {
  client: ResetClient;
  /** Only a sign-in from this network revokes the link; null: no sign-in does (requester-network.ts). */
  requesterNetwork: string | null;
}

/**
 * Accepts a reset request. It does only what cannot depend on whether the account exists: the
 * per-network limit, the keyed hash of the network and one message on the mail queue, the same
 * for every address. The lookup, the per-address limit, the token and the email happen in the
 * queue consumer, in another invocation (`deliverRequestedPasswordReset`), so neither the answer
 * nor its timing, nor any work left running on this isolate, tells accounts apart.
 */
export async function requestPasswordReset(
  env: Env,
  input: { email: string; client: ResetClient; ip: string; language: RequestLanguage },
): Promise<ResetRequestOutcome> {
  const perNetwork = await consumeRateLimit(env, "reset-per-network", input.ip);
  if (!perNetwork.allowed) return { accepted: false, retryAfterSeconds: perNetwork.retryAfterSeconds };
  const requesterNetwork = await computeRequesterNetwork(env, input.ip);
  await enqueueMail(env, {
    kind: "password_reset_request",
    email: input.email,
    client: input.client,
    requestedAt: clock.now(),
    ...(requesterNetwork ? { requesterNetwork } : {}),
    ...toJobLanguage(input.language),
  });
  return { accepted: true };
}

/**
 * The queue consumer's part of a reset request: silent (a "skipped" outcome) for unknown or
 * over-limit addresses. The per-address limits count once per request: a retry after a failed
 * send (`resumed`) does not count again, or an outage would use up the owner's requests. They
 * count per requesting network, under a ceiling for the address that networks it signed in from
 * lately are not held by: an attacker asking from elsewhere cannot use up the owner's emails.
 */
export async function deliverRequestedPasswordReset(
  env: Env,
  job: Extract<MailJob, { kind: "password_reset_request" }>,
  context: MailJobContext,
): Promise<MailJobOutcome> {
  const account = await findAccountByEmail(env, job.email);
  if (!account) return { status: "skipped", reason: "no_account", to: job.email };
  const language = fromJobLanguage(job);
  // Asking for a reset states the person's language: the "password changed" notice that follows is in it too.
  await rememberStatedLocale(env, account.id, { locale: language.locale, stated: job.localeStated === true });
  const origin: ResetOrigin = { client: job.client, requesterNetwork: job.requesterNetwork ?? null };
  if (!context.resumed && !(await admitResetEmail(env, account.emailNormalized, origin.requesterNetwork))) {
    return { status: "skipped", reason: "address_limit", to: job.email };
  }
  return issuePasswordReset(env, account, origin, language, { id: job.id, attempts: context.attempts });
}

/** Counts one reset email against the address's limits; false when either is used up. */
async function admitResetEmail(env: Env, emailNormalized: string, requesterNetwork: string | null): Promise<boolean> {
  const perNetwork = await consumeRateLimit(env, "reset-emails-per-address-network", `${emailNormalized}\n${requesterNetwork ?? "unparseable"}`);
  if (!perNetwork.allowed) return false;
  if (await isTrustedNetwork(env, emailNormalized, requesterNetwork)) return true;
  return (await consumeRateLimit(env, "reset-emails-per-address", emailNormalized)).allowed;
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
  origin: ResetOrigin,
  language: EmailLanguage,
  attempt: DeliveryAttempt,
): Promise<DeliveryOutcome> {
  const { client, requesterNetwork } = origin;
  const token = generateToken();
  const createdAt = clock.now();
  const expiresAt = createdAt + readConfig(env).resetTokenTtlMs;
  const { code, codeHash, resetGuesses } = await createResetCode(env, account.emailNormalized, requesterNetwork);
  const tokenHash = await hashToken(token);
  await storeResetToken(env, { tokenHash, accountId: account.id, client, createdAt, expiresAt, codeHash, requesterNetwork }, [resetGuesses]);
  // Always the address stored on the account, never what was typed (CVE-2019-19844).
  return sendPasswordResetEmail(env, { to: account.email, token, code, client, expiresAt, language }, attempt);
}

/** A live token, checked: whose it is, where it was asked for and when it expires. */
export interface VerifiedReset {
  account: Account;
  client: ResetClient;
  expiresAt: number;
  tokenHash: string;
  /** Whether the reset finishes through the emailed link or the token its code was traded for. */
  method: "link" | "code";
}

/** Returns the account a live token belongs to and when the token expires, or null; storage failures throw. */
export async function verifyPasswordResetToken(env: Env, token: unknown): Promise<VerifiedReset | null> {
  if (!isTokenShape(token)) return null;
  const tokenHash = await hashToken(token);
  const record = await findLiveResetToken(env, tokenHash, clock.now());
  // The index lookup already matched the hash; the constant-time check keeps every secret
  // comparison in one helper, so no future change can slip in an early-exit `===`.
  if (!record || !constantTimeEqual(record.tokenHash, tokenHash)) return null;
  const account = await findAccountById(env, record.accountId);
  if (!account) return null;
  return { account, client: record.client, expiresAt: record.expiresAt, tokenHash, method: record.method };
}

/**
 * Sets a new password with a token. The token is checked first because the policy needs the
 * account's email. The change itself is one atomic batch, so of many racing confirms exactly
 * one succeeds; the winner puts the "password changed" email on the mail queue.
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
 * the batch still refuses a token that was used or expired since. The same batch lifts a lock
 * that "this wasn't me" put on the old password: a new password is the way out of it.
 */
export async function completePasswordReset(
  env: Env,
  ctx: ExecutionContext,
  reset: VerifiedReset,
  password: string,
): Promise<ConfirmResetOutcome> {
  const problem = await findNewPasswordProblem(env, password, reset.account.email);
  if (problem) return { ok: false, reason: "password_policy", message: problem };
  const passwordHash = await hashPassword(password);
  const changedAt = clock.now();
  const claimed = await claimResetTokenAndSetPassword(env, {
    tokenHash: reset.tokenHash,
    accountId: reset.account.id,
    email: reset.account.email,
    client: reset.client,
    method: reset.method,
    passwordHash,
    claim: encodeBase64Url(random.bytes(16)),
    now: changedAt,
  });
  if (!claimed) return { ok: false, reason: "token_invalid" };
  const account: Account = {
    ...reset.account,
    passwordHash,
    passwordChangedAt: changedAt,
    passwordLockedAt: null,
  };
  // The old password may have been someone else's too: start the sign-in limits and trust afresh.
  await clearSignInFailures(env, account.emailNormalized);
  await forgetTrustedClients(env, account.emailNormalized);
  // The password is already changed; a queue hiccup must not turn that into an error page.
  ctx.waitUntil(
    runInBackground("queueing the password changed email", () =>
      enqueueMail(env, { kind: "password_changed", accountId: account.id, changedAt }).then(() => undefined),
    ),
  );
  return { ok: true, account };
}
