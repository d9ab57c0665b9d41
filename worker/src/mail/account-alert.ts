/**
 * "This wasn't me": what the link in the "password changed" email does. Looking at the link
 * (`findAlert`) changes nothing, because mail scanners open links on their own; only
 * `revokeFromAlert`, called from a CSRF-checked POST, acts: it uses the alert up, signs the
 * account out everywhere and mails a fresh reset link to the address stored on the account.
 *
 * @example
 * const alert = await findAlert(env, token); // { maskedEmail: "d***@example.com" } or null
 * if (alert && (await revokeFromAlert(env, ctx, token))) showDonePage();
 */
import { maskEmail } from "../../../shared/email-address.ts";
import { findAccountById } from "../accounts/accounts.ts";
import { runInBackground } from "../platform/background.ts";
import { clock } from "../platform/clock.ts";
import { invalidateAccountSessions } from "../sessions/session.ts";
import { consumeAlertToken, findAlertAccountId } from "./alert-tokens.ts";
import { enqueueMail } from "./mail-jobs.ts";

/** Returns the masked address behind a live alert token, or null for unknown, expired or used ones. */
export async function findAlert(env: Env, alertToken: string): Promise<{ maskedEmail: string } | null> {
  const accountId = await findAlertAccountId(env, alertToken);
  if (!accountId) return null;
  const account = await findAccountById(env, accountId);
  return account ? { maskedEmail: maskEmail(account.email) } : null;
}

/**
 * Uses an alert token once: revokes every session of its account and puts a fresh reset link
 * for the stored address on the mail queue. Returns false when the token is unknown,
 * expired or already used; then nothing happens.
 */
export async function revokeFromAlert(env: Env, ctx: ExecutionContext, alertToken: string): Promise<boolean> {
  const accountId = await consumeAlertToken(env, alertToken);
  if (!accountId) return false;
  const account = await findAccountById(env, accountId);
  if (!account) return false;
  await invalidateAccountSessions(env, account.id);
  ctx.waitUntil(
    runInBackground("queueing a fresh reset link after an account alert", () =>
      enqueueMail(env, { kind: "account_alert_reset", accountId: account.id, requestedAt: clock.now() }).then(() => undefined),
    ),
  );
  return true;
}
