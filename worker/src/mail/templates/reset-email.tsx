/**
 * The password reset email. It carries exactly one https link,
 * `${PUBLIC_BASE_URL}/reset-password?token=T`; when the request came from the desktop app it also
 * offers the `${DEEP_LINK_SCHEME}://reset-password?token=T` deep link. It says how long the
 * link lasts and what to do if you did not ask for it.
 */
import { buildResetDeepLink } from "../../../../shared/deep-link.ts";
import type { ResetClient } from "../../../../shared/contract.ts";
import { EmailButton, EmailLayout, emailStyles, renderEmailHtml } from "./email-layout.tsx";
import { describeDuration } from "./lifetime-words.ts";

export interface ResetEmailInput {
  appName: string;
  publicBaseUrl: string;
  deepLinkScheme: string;
  token: string;
  client: ResetClient;
  lifetimeMs: number;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Builds the web reset link; it is never derived from the request's Host header. */
export function buildResetLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

/** Renders the subject, text part and HTML part of the reset email. */
export function renderResetEmail(input: ResetEmailInput): RenderedEmail {
  const link = buildResetLink(input.publicBaseUrl, input.token);
  const deepLink = input.client === "desktop" ? buildResetDeepLink(input.deepLinkScheme, input.token) : null;
  const lifetime = describeDuration(input.lifetimeMs);
  const subject = `Reset your ${input.appName} password`;

  const text = [
    "Hello,",
    "",
    `Someone asked to reset the password of your ${input.appName} account. To choose a new password, open this link:`,
    "",
    link,
    "",
    ...(deepLink ? [`Or open it straight in the ${input.appName} desktop app:`, "", deepLink, ""] : []),
    `The link works once and expires in ${lifetime}.`,
    "",
    `Did not ask for this? Ignore this email. Your password stays the same, and nobody can change it without this link.`,
    "",
    `— ${input.appName}`,
    "",
  ].join("\n");

  const html = renderEmailHtml(
    <EmailLayout appName={input.appName} title="Reset your password">
      <p style={emailStyles.paragraph}>
        Someone asked to reset the password of your {input.appName} account. To choose a new password, use the
        button below.
      </p>
      <EmailButton href={link}>Choose a new password</EmailButton>
      {deepLink ? (
        <p style={emailStyles.paragraph}>
          Using the desktop app? <a href={deepLink}>Open the reset screen in {input.appName}</a>.
        </p>
      ) : null}
      <p style={emailStyles.paragraph}>
        The link works once and expires in <strong>{lifetime}</strong>.
      </p>
      <p style={emailStyles.paragraph}>
        Did not ask for this? Ignore this email. Your password stays the same, and nobody can change it without
        this link.
      </p>
      <p style={emailStyles.small}>If the button does not work, copy this address into your browser:</p>
      <p style={emailStyles.small}>
        <span style={emailStyles.code}>{link}</span>
      </p>
    </EmailLayout>,
  );

  return { subject, text, html };
}
