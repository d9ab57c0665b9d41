/**
 * The password reset email. It carries exactly one https link,
 * `${PUBLIC_BASE_URL}/reset-password?token=T`; when the request came from the desktop app it also
 * offers the `${DEEP_LINK_SCHEME}://reset-password?token=T` deep link. Next to the link it
 * prints the one-time code (`XXXX-XXXX`) for finishing on another device, and says in plain
 * words which to use where. It says how long both last and what to do if you did not ask.
 */
import { buildResetDeepLink } from "../../../../shared/deep-link.ts";
import { PagePath, type ResetClient } from "../../../../shared/contract.ts";
import { formatResetCode } from "../../../../shared/reset-code.ts";
import { EmailButton, EmailLayout, emailStyles, renderEmailHtml } from "./email-layout.tsx";
import { describeDuration } from "./lifetime-words.ts";

export interface ResetEmailInput {
  appName: string;
  publicBaseUrl: string;
  deepLinkScheme: string;
  token: string;
  /** The canonical 8-character code; printed as XXXX-XXXX. */
  code: string;
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
  return `${publicBaseUrl}${PagePath.resetPassword}?token=${encodeURIComponent(token)}`;
}

/** Renders the subject, text part and HTML part of the reset email. */
export function renderResetEmail(input: ResetEmailInput): RenderedEmail {
  const link = buildResetLink(input.publicBaseUrl, input.token);
  const deepLink = input.client === "desktop" ? buildResetDeepLink(input.deepLinkScheme, input.token) : null;
  const lifetime = describeDuration(input.lifetimeMs);
  const code = formatResetCode(input.code);
  const subject = `Reset your ${input.appName} password`;

  const text = [
    "Hello,",
    "",
    `Someone asked to reset the password of your ${input.appName} account.`,
    "",
    "On this computer, open this link to choose a new password:",
    "",
    link,
    "",
    ...(deepLink ? [`Or open it straight in the ${input.appName} desktop app:`, "", deepLink, ""] : []),
    `On another device, enter this code in the ${input.appName} app, or on the ${input.appName} "Forgot your password?" web page under "I have a code":`,
    "",
    `    ${code}`,
    "",
    `The link and the code go together: each works once, using one ends the other, and each expires in ${lifetime}.`,
    "",
    `Did not ask for this? Ignore this email. Your password stays the same, and nobody can change it without this link or code.`,
    "",
    `— ${input.appName}`,
    "",
  ].join("\n");

  const html = renderEmailHtml(
    <EmailLayout appName={input.appName} title="Reset your password">
      <p style={emailStyles.paragraph}>Someone asked to reset the password of your {input.appName} account.</p>
      <p style={emailStyles.paragraph}>
        <strong>On this computer</strong>, use the button to choose a new password.
      </p>
      <EmailButton href={link}>Choose a new password</EmailButton>
      {deepLink ? (
        <p style={emailStyles.paragraph}>
          Using the desktop app? <a href={deepLink}>Open the reset screen in {input.appName}</a>.
        </p>
      ) : null}
      <p style={emailStyles.paragraph}>
        <strong>On another device</strong>, enter this code in the {input.appName} app, or on the {input.appName}{" "}
        &ldquo;Forgot your password?&rdquo; web page under &ldquo;I have a code&rdquo;:
      </p>
      <p style={emailStyles.paragraph}>
        <span style={{ ...emailStyles.code, fontSize: "22px", letterSpacing: "2px" }}>{code}</span>
      </p>
      <p style={emailStyles.paragraph}>
        The link and the code go together: each works once, using one ends the other, and each expires in{" "}
        <strong>{lifetime}</strong>.
      </p>
      <p style={emailStyles.paragraph}>
        Did not ask for this? Ignore this email. Your password stays the same, and nobody can change it without
        this link or code.
      </p>
      <p style={emailStyles.small}>If the button does not work, copy this address into your browser:</p>
      <p style={emailStyles.small}>
        <span style={emailStyles.code}>{link}</span>
      </p>
    </EmailLayout>,
  );

  return { subject, text, html };
}
