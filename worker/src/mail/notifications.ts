/**
 * The emails of the reset and sign-up flows, as plain functions the job handlers call, one attempt
 * each. Each renders its template with the configured app name and base URL and hands the message
 * to the mailer; a failed send comes back as an outcome for the queue to act on. Nothing here
 * writes a row but the delivery record: tokens and links come in ready-made from the caller.
 *
 * @example
 * const outcome = await sendPasswordChangedEmail(env, { to, changedAt, alertToken, alertLifetimeMs }, { id: job.id, attempts: 1 });
 */
import type { ResetClient } from "../../../shared/contract.ts";
import { translatorFor } from "../../../shared/i18n/translator.ts";
import { readConfig } from "../config.ts";
import { createMailer, type DeliveryAttempt, type DeliveryOutcome, type MailerOptions } from "./mailer.ts";
import { renderPasswordChangedEmail } from "./templates/password-changed-email.tsx";
import { renderResetEmail } from "./templates/reset-email.tsx";
import { renderSignUpNoticeEmail } from "./templates/sign-up-notice-email.tsx";
import type { EmailLanguage } from "./templates/email-language.ts";
import { renderVerificationEmail } from "./templates/verification-email.tsx";

export type { EmailLanguage } from "./templates/email-language.ts";

export interface PasswordResetEmailInput {
  /** The address stored on the account, never the one typed into a form. */
  to: string;
  token: string;
  /** The canonical one-time code that goes with the link; it appears only in the email. */
  code: string;
  client: ResetClient;
  expiresAt: number;
  language: EmailLanguage;
}

export interface VerificationEmailInput {
  /** The address stored on the account, never the one typed into a form. */
  to: string;
  token: string;
  client: ResetClient;
  lifetimeMs: number;
  expiresAt: number;
  language: EmailLanguage;
}

export interface PasswordChangedEmailInput {
  /** The address stored on the account. */
  to: string;
  changedAt: number;
  /** The "this wasn't me" token the email links to, made by its sender, and how long it lives. */
  alertToken: string;
  alertLifetimeMs: number;
  language: EmailLanguage;
}

/** Sends the reset link to the account's stored address. */
export async function sendPasswordResetEmail(
  env: Env,
  input: PasswordResetEmailInput,
  attempt: DeliveryAttempt,
  options: MailerOptions = {},
): Promise<DeliveryOutcome> {
  const config = readConfig(env);
  const rendered = renderResetEmail({
    translator: translatorFor(input.language.locale),
    timeZone: input.language.timeZone,
    expiresAt: input.expiresAt,
    appName: config.appName,
    publicBaseUrl: config.publicBaseUrl,
    deepLinkScheme: config.deepLinkScheme,
    token: input.token,
    code: input.code,
    client: input.client,
    lifetimeMs: config.resetTokenTtlMs,
  });
  return createMailer(env, options).send({ kind: "password_reset", to: { email: input.to }, ...rendered }, attempt);
}

/** Tells the account owner the password changed, with the "this wasn't me" link its caller made. */
export async function sendPasswordChangedEmail(
  env: Env,
  input: PasswordChangedEmailInput,
  attempt: DeliveryAttempt,
  options: MailerOptions = {},
): Promise<DeliveryOutcome> {
  const config = readConfig(env);
  const rendered = renderPasswordChangedEmail({
    translator: translatorFor(input.language.locale),
    timeZone: input.language.timeZone,
    appName: config.appName,
    publicBaseUrl: config.publicBaseUrl,
    email: input.to,
    changedAt: input.changedAt,
    alertToken: input.alertToken,
    alertLifetimeMs: input.alertLifetimeMs,
  });
  return createMailer(env, options).send({ kind: "password_changed", to: { email: input.to }, ...rendered }, attempt);
}

/** Sends a sign-up's verification link to the account's stored address. */
export async function sendVerificationEmail(
  env: Env,
  input: VerificationEmailInput,
  attempt: DeliveryAttempt,
  options: MailerOptions = {},
): Promise<DeliveryOutcome> {
  const config = readConfig(env);
  const rendered = renderVerificationEmail({
    translator: translatorFor(input.language.locale),
    timeZone: input.language.timeZone,
    expiresAt: input.expiresAt,
    appName: config.appName,
    publicBaseUrl: config.publicBaseUrl,
    deepLinkScheme: config.deepLinkScheme,
    token: input.token,
    client: input.client,
    lifetimeMs: input.lifetimeMs,
  });
  return createMailer(env, options).send({ kind: "email_verification", to: { email: input.to }, ...rendered }, attempt);
}

/** Tells the owner of a verified account that someone tried to sign up with its address. */
export async function sendSignUpNoticeEmail(
  env: Env,
  input: { to: string; language: EmailLanguage },
  attempt: DeliveryAttempt,
  options: MailerOptions = {},
): Promise<DeliveryOutcome> {
  const config = readConfig(env);
  const rendered = renderSignUpNoticeEmail({
    translator: translatorFor(input.language.locale),
    appName: config.appName,
    publicBaseUrl: config.publicBaseUrl,
    signInUrl: config.signInEmailUrl,
  });
  return createMailer(env, options).send({ kind: "sign_up_notice", to: { email: input.to }, ...rendered }, attempt);
}
