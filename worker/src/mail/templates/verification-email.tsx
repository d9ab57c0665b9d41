/**
 * The sign-up's verification email. Its one link with a token is
 * `${PUBLIC_BASE_URL}/verify-email?token=T`; when the sign-up came from the desktop app it also
 * offers the `${DEEP_LINK_SCHEME}://verify-email?token=T` deep link. It says that confirming asks
 * for the password chosen at sign-up, how long the link lasts, and what to do if you did not
 * sign up: whoever signed up with your address cannot use the account until you confirm, and a
 * password reset gives the account a password of your own.
 */
import type { ResetClient } from "../../../../shared/contract.ts";
import { PagePath } from "../../../../shared/contract.ts";
import { buildVerifyEmailDeepLink } from "../../../../shared/deep-link.ts";
import { EmailButton, EmailLayout, emailStyles, renderEmailHtml } from "./email-layout.tsx";
import { describeDuration } from "./lifetime-words.ts";
import type { RenderedEmail } from "./reset-email.tsx";

export interface VerificationEmailInput {
  appName: string;
  publicBaseUrl: string;
  deepLinkScheme: string;
  token: string;
  client: ResetClient;
  lifetimeMs: number;
}

/** Builds the web verification link; it is never derived from the request's Host header. */
export function buildVerifyEmailLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}${PagePath.verifyEmail}?token=${encodeURIComponent(token)}`;
}

/** Renders the subject, text part and HTML part of the verification email. */
export function renderVerificationEmail(input: VerificationEmailInput): RenderedEmail {
  const link = buildVerifyEmailLink(input.publicBaseUrl, input.token);
  const deepLink = input.client === "desktop" ? buildVerifyEmailDeepLink(input.deepLinkScheme, input.token) : null;
  const lifetime = describeDuration(input.lifetimeMs);
  const forgotPassword = `${input.publicBaseUrl}${PagePath.forgotPassword}`;
  const subject = `Confirm your email address for ${input.appName}`;

  const text = [
    "Hello,",
    "",
    `Someone signed up for a ${input.appName} account with this email address.`,
    "",
    "If it was you, open this link and enter the password you chose to confirm the address:",
    "",
    link,
    "",
    ...(deepLink ? [`Or open it straight in the ${input.appName} desktop app:`, "", deepLink, ""] : []),
    `The link works once and expires in ${lifetime}.`,
    "",
    "Did not sign up? Ignore this email: the account cannot be used until the address is confirmed, and it is deleted after a day.",
    `To take the account over with a password of your own, reset its password: ${forgotPassword}`,
    "",
    `— ${input.appName}`,
    "",
  ].join("\n");

  const html = renderEmailHtml(
    <EmailLayout appName={input.appName} title="Confirm your email address">
      <p style={emailStyles.paragraph}>Someone signed up for a {input.appName} account with this email address.</p>
      <p style={emailStyles.paragraph}>If it was you, use the button and enter the password you chose to confirm the address.</p>
      <EmailButton href={link}>Confirm email address</EmailButton>
      {deepLink ? (
        <p style={emailStyles.paragraph}>
          Using the desktop app? <a href={deepLink}>Confirm in {input.appName}</a>.
        </p>
      ) : null}
      <p style={emailStyles.paragraph}>
        The link works once and expires in <strong>{lifetime}</strong>.
      </p>
      <p style={emailStyles.paragraph}>
        Did not sign up? Ignore this email: the account cannot be used until the address is confirmed, and it is
        deleted after a day. To take the account over with a password of your own,{" "}
        <a href={forgotPassword}>reset its password</a>.
      </p>
      <p style={emailStyles.small}>If the button does not work, copy this address into your browser:</p>
      <p style={emailStyles.small}>
        <span style={emailStyles.code}>{link}</span>
      </p>
    </EmailLayout>,
  );

  return { subject, text, html };
}
