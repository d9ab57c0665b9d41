/**
 * The sign-up's verification email. Its one link with a token is
 * `${PUBLIC_BASE_URL}/verify-email?token=T`; when the sign-up came from the desktop app it also
 * offers the `${DEEP_LINK_SCHEME}://verify-email?token=T` deep link. It says that confirming asks
 * for the password chosen at sign-up, how long the link lasts, and what to do if you did not
 * sign up: whoever signed up with your address cannot use the account until you confirm, and a
 * password reset gives the account a password of your own. Written in the sign-up's language.
 */
import type { ResetClient } from "../../../../shared/contract.ts";
import { PagePath } from "../../../../shared/contract.ts";
import { buildVerifyEmailDeepLink } from "../../../../shared/deep-link.ts";
import { Isolated, Rich } from "../../../../shared/i18n/react.tsx";
import type { Translator } from "../../../../shared/i18n/translator.ts";
import { EmailButton, EmailLayout, emailStyles, renderEmailHtml } from "./email-layout.tsx";
import { describeDuration } from "./lifetime-words.ts";
import type { RenderedEmail } from "./reset-email.tsx";

export interface VerificationEmailInput {
  translator: Translator;
  timeZone?: string | undefined;
  appName: string;
  publicBaseUrl: string;
  deepLinkScheme: string;
  token: string;
  client: ResetClient;
  lifetimeMs: number;
  expiresAt: number;
}

/** Builds the web verification link; it is never derived from the request's Host header. */
export function buildVerifyEmailLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}${PagePath.verifyEmail}?token=${encodeURIComponent(token)}`;
}

/** Renders the subject, text part and HTML part of the verification email. */
export function renderVerificationEmail(input: VerificationEmailInput): RenderedEmail {
  const { translator, appName } = input;
  const { t } = translator;
  const link = buildVerifyEmailLink(input.publicBaseUrl, input.token);
  const deepLink = input.client === "desktop" ? buildVerifyEmailDeepLink(input.deepLinkScheme, input.token) : null;
  const lifetime = describeDuration(translator, input.lifetimeMs);
  const until = translator.formatDateTime(input.expiresAt, input.timeZone);
  const forgotPassword = `${input.publicBaseUrl}${PagePath.forgotPassword}`;

  const text = [
    t("email.greeting"),
    "",
    t("verificationEmail.signedUp", { appName }),
    "",
    t("verificationEmail.wasYouText"),
    "",
    link,
    "",
    ...(deepLink ? [t("email.openInAppText", { appName }), "", deepLink, ""] : []),
    t("verificationEmail.lifetime", { lifetime, until }),
    "",
    t("verificationEmail.notYou"),
    t("verificationEmail.takeOver"),
    forgotPassword,
    "",
    t("email.signature", { appName }),
    "",
  ].join("\n");

  const html = renderEmailHtml(
    translator,
    <EmailLayout appName={appName} title={t("verificationEmail.title")}>
      <p style={emailStyles.paragraph}>{t("verificationEmail.signedUp", { appName })}</p>
      <p style={emailStyles.paragraph}>{t("verificationEmail.wasYouHtml")}</p>
      <EmailButton href={link}>{t("verificationEmail.button")}</EmailButton>
      {deepLink ? (
        <p style={emailStyles.paragraph}>
          <Rich id="verificationEmail.openInAppHtml" values={{ appName }} tags={{ link: (content) => <a href={deepLink}>{content}</a> }} />
        </p>
      ) : null}
      <p style={emailStyles.paragraph}>
        <Rich id="verificationEmail.lifetime" values={{ lifetime, until }} />
      </p>
      <p style={emailStyles.paragraph}>
        {t("verificationEmail.notYou")}{" "}
        <Rich id="verificationEmail.takeOver" tags={{ link: (content) => <a href={forgotPassword}>{content}</a> }} />
      </p>
      <p style={emailStyles.small}>{t("email.copyLink")}</p>
      <p style={emailStyles.small}>
        <Isolated>
          <span style={emailStyles.code}>{link}</span>
        </Isolated>
      </p>
    </EmailLayout>,
  );

  return { subject: t("verificationEmail.subject", { appName }), text, html, locale: translator.locale };
}
