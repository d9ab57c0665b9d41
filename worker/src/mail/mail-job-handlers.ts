/**
 * What the mail-queue consumer does for each kind of job: one handler per kind, each making one
 * send attempt. To add a kind of email, add its job to `mailJobSchema` in mail-jobs.ts and its
 * handler here; the compiler insists on both.
 */
import { findAccountById } from "../accounts/accounts.ts";
import { deliverSignUp } from "../accounts/sign-up-delivery.ts";
import { deliverRequestedPasswordReset, issuePasswordReset } from "../reset/password-reset.ts";
import type { MailJob, MailJobContext, MailJobKind, MailJobOutcome } from "./mail-jobs.ts";
import { sendPasswordChangedEmail } from "./notifications.ts";

type MailJobHandler<Kind extends MailJobKind> = (
  env: Env,
  job: Extract<MailJob, { kind: Kind }>,
  context: MailJobContext,
) => Promise<MailJobOutcome>;

export const MAIL_JOB_HANDLERS: { [Kind in MailJobKind]: MailJobHandler<Kind> } = {
  password_reset_request: deliverRequestedPasswordReset,

  async password_changed(env, job, context) {
    const account = await findAccountById(env, job.accountId);
    // A deleted account has no one left to tell.
    if (!account) return { status: "skipped", reason: "no_account", to: null };
    return sendPasswordChangedEmail(env, { account, changedAt: job.changedAt }, { id: job.id, attempts: context.attempts });
  },

  async account_alert_reset(env, job, context) {
    const account = await findAccountById(env, job.accountId);
    if (!account) return { status: "skipped", reason: "no_account", to: null };
    return issuePasswordReset(env, account, "web", { id: job.id, attempts: context.attempts });
  },

  sign_up: deliverSignUp,
};

/** Runs the handler for `job`'s kind. */
export function runMailJobHandler<Kind extends MailJobKind>(
  env: Env,
  job: Extract<MailJob, { kind: Kind }>,
  context: MailJobContext,
): Promise<MailJobOutcome> {
  const handler = MAIL_JOB_HANDLERS[job.kind as Kind] as MailJobHandler<Kind>;
  return handler(env, job, context);
}
