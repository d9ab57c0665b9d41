/**
 * The note to an address that already has a verified account, sent when someone signs up with
 * it. The sign-up itself answered the same 202 as for a new address, so this email is the only
 * place the difference shows, and only to the mailbox's owner. It carries no token: signing in
 * (at SIGN_IN_URL, or the Worker's own /sign-in) or resetting the password is all the owner can need.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { EmailButton, EmailLayout, emailStyles, renderEmailHtml } from "./email-layout.tsx";
import type { RenderedEmail } from "./reset-email.tsx";

export interface SignUpNoticeEmailInput {
  appName: string;
  publicBaseUrl: string;
  /** The web sign-in page: SIGN_IN_URL, or the Worker's own. */
  signInUrl: string;
}

/** Renders the subject, text part and HTML part of the "someone tried to sign up" note. */
export function renderSignUpNoticeEmail(input: SignUpNoticeEmailInput): RenderedEmail {
  const forgotPassword = `${input.publicBaseUrl}${PagePath.forgotPassword}`;
  const subject = `Someone tried to create a ${input.appName} account with your address`;

  const text = [
    "Hello,",
    "",
    `Someone tried to create an account with your address. You already have a ${input.appName} account, so no new account was made.`,
    "",
    "If that was you, sign in:",
    "",
    input.signInUrl,
    "",
    "or reset your password if you forgot it:",
    "",
    forgotPassword,
    "",
    "If it was not you, there is nothing to do: your account and password stay as they are.",
    "",
    `— ${input.appName}`,
    "",
  ].join("\n");

  const html = renderEmailHtml(
    <EmailLayout appName={input.appName} title="Someone tried to create an account with your address">
      <p style={emailStyles.paragraph}>
        You already have a {input.appName} account, so no new account was made.
      </p>
      <p style={emailStyles.paragraph}>
        If that was you, <a href={input.signInUrl}>sign in</a>,
        or reset your password if you forgot it.
      </p>
      <EmailButton href={forgotPassword}>Reset your password</EmailButton>
      <p style={emailStyles.paragraph}>If it was not you, there is nothing to do: your account and password stay as they are.</p>
    </EmailLayout>,
  );

  return { subject, text, html };
}
