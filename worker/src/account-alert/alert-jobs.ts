/**
 * The mail-queue jobs of "this wasn't me", run by the consumer (registered in job-handlers.ts):
 *  - `password_changed`: the notice after a password change, with the "this wasn't me" link. Each
 *    attempt makes its own alert token; those of failed attempts were never seen and expire.
 *    Both emails are in the account's language: no request of the reader's asked for them.
 *  - `account_alert_reset`: the fresh reset link after "this wasn't me", to the stored address and
 *    with no requesting network, so no sign-in can revoke it.
 *
 * @example
 * MAIL_JOB_HANDLERS.password_changed = deliverPasswordChangedNotice;
 */
import { findAccountById } from "../accounts/accounts.ts";
import { readAccountLanguage } from "../i18n/account-language.ts";
import type { MailJobHandler } from "../jobs/mail-jobs.ts";
import { sendPasswordChangedEmail } from "../mail/notifications.ts";
import { issuePasswordReset } from "../reset/password-reset.ts";
import { ALERT_TOKEN_TTL_MS, createAlertToken } from "./alert-tokens.ts";

/** Sends the "password changed" notice with a fresh "this wasn't me" link. */
export const deliverPasswordChangedNotice: MailJobHandler<"password_changed"> = async (env, job, context) => {
  const account = await findAccountById(env, job.accountId);
  // A deleted account has no one left to tell.
  if (!account) return { status: "skipped", reason: "no_account", to: null };
  const { token: alertToken } = await createAlertToken(env, account.id);
  return sendPasswordChangedEmail(
    env,
    { to: account.email, changedAt: job.changedAt, alertToken, alertLifetimeMs: ALERT_TOKEN_TTL_MS, language: readAccountLanguage(env, account) },
    { id: job.id, attempts: context.attempts },
  );
};

/** Sends the fresh reset link that "this wasn't me" promised. */
export const deliverAlertResetLink: MailJobHandler<"account_alert_reset"> = async (env, job, context) => {
  const account = await findAccountById(env, job.accountId);
  if (!account) return { status: "skipped", reason: "no_account", to: null };
  const origin = { client: "web", requesterNetwork: null } as const;
  return issuePasswordReset(env, account, origin, readAccountLanguage(env, account), { id: job.id, attempts: context.attempts });
};
