/**
 * What the mail queue's consumer does with each kind of job, in one table: each area keeps the
 * handler of its own jobs (reset/, accounts/, account-alert/), and this file only wires them
 * together, as router.ts does for the routes. To add a kind of email, add its job to
 * `mailJobSchema` (jobs/mail-jobs.ts) and its handler here; the compiler insists on both.
 */
import { deliverSignUp } from "./accounts/sign-up-delivery.ts";
import { deliverAlertResetLink, deliverPasswordChangedNotice } from "./account-alert/alert-jobs.ts";
import type { MailJobHandlers } from "./jobs/mail-jobs.ts";
import { deliverRequestedPasswordReset } from "./reset/password-reset.ts";

export const MAIL_JOB_HANDLERS: MailJobHandlers = {
  password_reset_request: deliverRequestedPasswordReset,
  password_changed: deliverPasswordChangedNotice,
  account_alert_reset: deliverAlertResetLink,
  sign_up: deliverSignUp,
};
