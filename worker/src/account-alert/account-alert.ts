/**
 * "This wasn't me": what the link in the "password changed" email does. Looking at the link
 * (`findAlert`) changes nothing, because mail scanners open links on their own; only
 * `revokeFromAlert`, called from a CSRF-checked POST, acts.
 *
 * Whoever changed the password knows it, so signing them out is not enough: they would sign in
 * again, and each sign-in used to revoke the owner's reset links. So using the alert, in one D1
 * batch, marks it used, locks the password (sign-in then treats it like a wrong one, see
 * sessions/sign-in.ts), signs the account out everywhere and deletes its reset links; then it
 * mails a fresh link to the stored address. That link carries no requesting network, so no
 * sign-in can revoke it, and a locked password cannot sign in anyway. Only a completed reset
 * lifts the lock (reset/reset-tokens.ts). Every network and device trusted for sign-in is
 * forgotten too (sessions/trusted-clients.ts): one of them may be the intruder's.
 *
 * @example
 * const alert = await findAlert(env, token); // { maskedEmail: "d***@example.com" } or null
 * if (alert && (await revokeFromAlert(env, ctx, token))) showDonePage();
 */
import { maskEmail } from "../../../shared/email-address.ts";
import { findAccountById } from "../accounts/accounts.ts";
import { runInBackground } from "../platform/background.ts";
import { forgetTrustedClients } from "../sessions/trusted-clients.ts";
import { clock } from "../platform/clock.ts";
import { enqueueMail } from "../jobs/mail-jobs.ts";
import { announceWebhookEvents, describeWebhookEvent, insertWebhookEventWhere, type WebhookEventValues } from "../webhooks/webhook-events.ts";
import { consumeAlertToken, findAlertAccountId, USED_ALERT_ACCOUNT, type AlertUse } from "./alert-tokens.ts";

/** What using an alert does to its account, batched with the use itself (see `consumeAlertToken`). */
export const ALERT_ACTION_QUERIES = {
  lockPassword: `UPDATE accounts SET password_locked_at = ?2 WHERE id = (${USED_ALERT_ACCOUNT})`,
  deleteSessions: `DELETE FROM sessions WHERE account_id = (${USED_ALERT_ACCOUNT})`,
  // A link someone else may hold (one stolen the way the password was) must not outlive the lock.
  deleteResetLinks: `DELETE FROM password_reset_tokens WHERE account_id = (${USED_ALERT_ACCOUNT})`,
  // The `account.locked` event: stored only if this batch is the one that used the alert.
  accountLockedEvent: insertWebhookEventWhere(`EXISTS (${USED_ALERT_ACCOUNT})`),
} as const;

/** Returns the masked address behind a live alert token, or null for unknown, expired or used ones. */
export async function findAlert(env: Env, alertToken: string): Promise<{ maskedEmail: string } | null> {
  const accountId = await findAlertAccountId(env, alertToken);
  if (!accountId) return null;
  const account = await findAccountById(env, accountId);
  return account ? { maskedEmail: maskEmail(account.email) } : null;
}

/**
 * Uses an alert token once: locks the account's password, revokes every session and reset link
 * of the account, all in one batch, and puts a fresh reset link for the stored address on the
 * mail queue. Returns false when the token is unknown, expired or already used; then nothing
 * happens.
 */
export async function revokeFromAlert(env: Env, ctx: ExecutionContext, alertToken: string): Promise<boolean> {
  // The `account.locked` event names the account, so it is read first; the batch stores the event
  // only if it is the one that uses the token.
  const alertAccountId = await findAlertAccountId(env, alertToken);
  const owner = alertAccountId ? await findAccountById(env, alertAccountId) : null;
  let event: WebhookEventValues | null = null;
  const accountId = await consumeAlertToken(env, alertToken, (use) => {
    event = owner ? describeWebhookEvent(env, "account.locked", `account.locked:${use.tokenHash}`, { accountId: owner.id, email: owner.email }, use.usedAt) : null;
    const insert = event ? [env.DB.prepare(ALERT_ACTION_QUERIES.accountLockedEvent).bind(...event.values, use.tokenHash, use.usedAt)] : [];
    return [...prepareAlertActions(env, use), ...insert];
  });
  if (!accountId) return false;
  await announceWebhookEvents(env, [event]);
  // Whoever changed the password may have signed in since: none of its networks or devices stays trusted.
  const account = await findAccountById(env, accountId);
  if (account) await forgetTrustedClients(env, account.emailNormalized);
  ctx.waitUntil(
    runInBackground("queueing a fresh reset link after an account alert", () =>
      enqueueMail(env, { kind: "account_alert_reset", accountId, requestedAt: clock.now() }).then(() => undefined),
    ),
  );
  return true;
}

function prepareAlertActions(env: Env, use: AlertUse): D1PreparedStatement[] {
  return [
    env.DB.prepare(ALERT_ACTION_QUERIES.lockPassword).bind(use.tokenHash, use.usedAt),
    env.DB.prepare(ALERT_ACTION_QUERIES.deleteSessions).bind(use.tokenHash, use.usedAt),
    env.DB.prepare(ALERT_ACTION_QUERIES.deleteResetLinks).bind(use.tokenHash, use.usedAt),
  ];
}
