/**
 * The "your password was changed" email. It tells the owner when it happened and offers a
 * "this wasn't me" link (`${PUBLIC_BASE_URL}/account-alert?token=A`) that signs every device
 * out and sends a fresh reset link to the address on the account. Nothing asked for it just then,
 * so it is written in the account's language, with times in UTC.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { displayEmail } from "../../../../shared/email-address.ts";
import { Isolated, Rich } from "../../../../shared/i18n/react.tsx";
import type { Translator } from "../../../../shared/i18n/translator.ts";
import { EmailButton, EmailLayout, emailStyles, renderEmailHtml } from "./email-layout.tsx";
import { describeDuration } from "./lifetime-words.ts";
import type { RenderedEmail } from "./reset-email.tsx";

export interface PasswordChangedEmailInput {
  translator: Translator;
  timeZone?: string | undefined;
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
  const { translator, appName } = input;
  const { t } = translator;
  const link = buildAccountAlertLink(input.publicBaseUrl, input.alertToken);
  const when = translator.formatDateTime(input.changedAt, input.timeZone);
  const until = translator.formatDateTime(input.changedAt + input.alertLifetimeMs, input.timeZone);
  const lifetime = describeDuration(translator, input.alertLifetimeMs);
  const email = displayEmail(input.email);

  const text = [
    t("email.greeting"),
    "",
    t("passwordChangedEmail.changed", { appName, email: translator.isolate(email), when }),
    "",
    t("passwordChangedEmail.wasYou"),
    "",
    t("passwordChangedEmail.notYouText"),
    "",
    link,
    "",
    t("passwordChangedEmail.lifetime", { lifetime, until }),
    "",
    t("email.signature", { appName }),
    "",
  ].join("\n");

  const html = renderEmailHtml(
    translator,
    <EmailLayout appName={appName} title={t("passwordChangedEmail.title")}>
      <p style={emailStyles.paragraph}>
        <Rich id="passwordChangedEmail.changed" values={{ appName, email: <Isolated>{email}</Isolated>, when }} />
      </p>
      <p style={emailStyles.paragraph}>{t("passwordChangedEmail.wasYou")}</p>
      <p style={emailStyles.paragraph}>{t("passwordChangedEmail.notYouHtml")}</p>
      <EmailButton href={link}>{t("passwordChangedEmail.button")}</EmailButton>
      <p style={emailStyles.small}>{t("passwordChangedEmail.lifetime", { lifetime, until })}</p>
      <p style={emailStyles.small}>{t("email.copyLink")}</p>
      <p style={emailStyles.small}>
        <Isolated>
          <span style={emailStyles.code}>{link}</span>
        </Isolated>
      </p>
    </EmailLayout>,
  );

  return { subject: t("passwordChangedEmail.subject", { appName }), text, html, locale: translator.locale };
}
