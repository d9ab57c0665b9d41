/**
 * The "your password was changed" email. It tells the owner when it happened and offers a
 * "this wasn't me" link (`${PUBLIC_BASE_URL}/account-alert?token=A`) that signs every device
 * out and sends a fresh reset link to the address on the account.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { EmailButton, EmailLayout, emailStyles, renderEmailHtml } from "./email-layout.tsx";
import { describeDuration } from "./lifetime-words.ts";
import type { RenderedEmail } from "./reset-email.tsx";

export interface PasswordChangedEmailInput {
  appName: string;
  publicBaseUrl: string;
  email: string;
  changedAt: number;
  alertToken: string;
  alertLifetimeMs: number;
}

/** Builds the "this wasn't me" link. */
export function buildAccountAlertLink(publicBaseUrl: string, alertToken: string): string {
  return `${publicBaseUrl}${PagePath.accountAlert}?token=${encodeURIComponent(alertToken)}`;
}

/** Renders the subject, text part and HTML part of the "password changed" email. */
export function renderPasswordChangedEmail(input: PasswordChangedEmailInput): RenderedEmail {
  const link = buildAccountAlertLink(input.publicBaseUrl, input.alertToken);
  const when = new Date(input.changedAt).toUTCString();
  const lifetime = describeDuration(input.alertLifetimeMs);
  const subject = `Your ${input.appName} password was changed`;

  const text = [
    "Hello,",
    "",
    `The password of your ${input.appName} account (${input.email}) was changed on ${when}.`,
    "",
    "If that was you, there is nothing to do.",
    "",
    "If it was not you, open this link. It signs out every device, stops the current password from working and sends a new reset link to this address:",
    "",
    link,
    "",
    `This link works once and expires in ${lifetime}.`,
    "",
    `— ${input.appName}`,
    "",
  ].join("\n");

  const html = renderEmailHtml(
    <EmailLayout appName={input.appName} title="Your password was changed">
      <p style={emailStyles.paragraph}>
        The password of your {input.appName} account (<strong>{input.email}</strong>) was changed on {when}.
      </p>
      <p style={emailStyles.paragraph}>If that was you, there is nothing to do.</p>
      <p style={emailStyles.paragraph}>
        If it was not you, use the button below. It signs out every device, stops the current password from working
        and sends a new reset link to this address.
      </p>
      <EmailButton href={link}>This wasn&apos;t me</EmailButton>
      <p style={emailStyles.small}>This link works once and expires in {lifetime}.</p>
      <p style={emailStyles.small}>If the button does not work, copy this address into your browser:</p>
      <p style={emailStyles.small}>
        <span style={emailStyles.code}>{link}</span>
      </p>
    </EmailLayout>,
  );

  return { subject, text, html };
}
