/**
 * The note to an address that already has a verified account, sent when someone signs up with
 * it. The sign-up itself answered the same 202 as for a new address, so this email is the only
 * place the difference shows, and only to the mailbox's owner. It carries no token: signing in
 * (at SIGN_IN_URL, or the Worker's own /sign-in) or resetting the password is all the owner can need.
 * It is written in the account's language: the sign-up was not the owner's.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { Rich } from "../../../../shared/i18n/react.tsx";
import type { Translator } from "../../../../shared/i18n/translator.ts";
import { EmailButton, EmailLayout, emailStyles, renderEmailHtml } from "./email-layout.tsx";
import type { RenderedEmail } from "./reset-email.tsx";

export interface SignUpNoticeEmailInput {
  translator: Translator;
  appName: string;
  publicBaseUrl: string;
  /** The web sign-in page: SIGN_IN_URL, or the Worker's own. */
  signInUrl: string;
}

/** Renders the subject, text part and HTML part of the "someone tried to sign up" note. */
export function renderSignUpNoticeEmail(input: SignUpNoticeEmailInput): RenderedEmail {
  const { translator, appName } = input;
  const { t } = translator;
  const forgotPassword = `${input.publicBaseUrl}${PagePath.forgotPassword}`;

  const text = [
    t("email.greeting"),
    "",
    `${t("signUpNoticeEmail.tried")} ${t("signUpNoticeEmail.exists", { appName })}`,
    "",
    t("signUpNoticeEmail.signInText"),
    "",
    input.signInUrl,
    "",
    t("signUpNoticeEmail.resetText"),
    "",
    forgotPassword,
    "",
    t("signUpNoticeEmail.notYou"),
    "",
    t("email.signature", { appName }),
    "",
  ].join("\n");

  const html = renderEmailHtml(
    translator,
    <EmailLayout appName={appName} title={t("signUpNoticeEmail.title")}>
      <p style={emailStyles.paragraph}>{t("signUpNoticeEmail.exists", { appName })}</p>
      <p style={emailStyles.paragraph}>
        <Rich id="signUpNoticeEmail.wasYouHtml" tags={{ signIn: (content) => <a href={input.signInUrl}>{content}</a> }} />
      </p>
      <EmailButton href={forgotPassword}>{t("signUpNoticeEmail.button")}</EmailButton>
      <p style={emailStyles.paragraph}>{t("signUpNoticeEmail.notYou")}</p>
    </EmailLayout>,
  );

  return { subject: t("signUpNoticeEmail.subject", { appName }), text, html, locale: translator.locale };
}
