/**
 * The emails the reset flow sends, as two plain functions. Each renders its template with the
 * configured app name and base URL and hands the message to the mailer; delivery problems end
 * up in the delivery records, never as an exception for the caller.
 *
 * Both are meant to run after the response, inside `ctx.waitUntil`:
 *
 * @example
 * ctx.waitUntil(sendPasswordChangedEmail(env, { account, changedAt: clock.now() }));
 */
import type { ResetClient } from "../../../shared/contract.ts";
import { readConfig } from "../config.ts";
import { describeThrownFailure } from "./failure-text.ts";
import { createAlertToken, ALERT_TOKEN_TTL_MS } from "./alert-tokens.ts";
import { createMailer, type MailerOptions } from "./mailer.ts";
import { renderPasswordChangedEmail } from "./templates/password-changed-email.tsx";
import { renderResetEmail } from "./templates/reset-email.tsx";

export interface PasswordResetEmailInput {
  /** The address stored on the account, never the one typed into a form. */
  to: string;
  token: string;
  /** The canonical one-time code that goes with the link; it appears only in the email. */
  code: string;
  client: ResetClient;
  expiresAt: number;
}

export interface PasswordChangedEmailInput {
  account: { id: string; email: string };
  changedAt: number;
}

/** Sends the reset link to the account's stored address. */
export async function sendPasswordResetEmail(
  env: Env,
  input: PasswordResetEmailInput,
  options: MailerOptions = {},
): Promise<void> {
  const config = readConfig(env);
  const rendered = renderResetEmail({
    appName: config.appName,
    publicBaseUrl: config.publicBaseUrl,
    deepLinkScheme: config.deepLinkScheme,
    token: input.token,
    code: input.code,
    client: input.client,
    lifetimeMs: config.resetTokenTtlMs,
  });
  await createMailer(env, options).send({ kind: "password_reset", to: { email: input.to }, ...rendered });
}

/** Tells the account owner the password changed, with a "this wasn't me" link. */
export async function sendPasswordChangedEmail(
  env: Env,
  input: PasswordChangedEmailInput,
  options: MailerOptions = {},
): Promise<void> {
  const config = readConfig(env);
  let alertToken: string;
  try {
    ({ token: alertToken } = await createAlertToken(env, input.account.id));
  } catch (error) {
    console.error(`password-changed email not sent, alert token could not be stored: ${describeThrownFailure(error)}`);
    return;
  }
  const rendered = renderPasswordChangedEmail({
    appName: config.appName,
    publicBaseUrl: config.publicBaseUrl,
    email: input.account.email,
    changedAt: input.changedAt,
    alertToken,
    alertLifetimeMs: ALERT_TOKEN_TTL_MS,
  });
  await createMailer(env, options).send({ kind: "password_changed", to: { email: input.account.email }, ...rendered });
}
