/**
 * The password reset email. It carries exactly one https link,
 * `${PUBLIC_BASE_URL}/reset-password?token=T`; when the request came from the desktop app it also
 * offers the `${DEEP_LINK_SCHEME}://reset-password?token=T` deep link. Next to the link it
 * prints the one-time code (`XXXX-XXXX`) for finishing on another device, and says in plain
 * words which to use where. It says how long both last, until when in the reader's time, and what
 * to do if you did not ask. Written in the language of the request.
 */
import { buildResetDeepLink } from "../../../../shared/deep-link.ts";
import { PagePath, type ResetClient } from "../../../../shared/contract.ts";
import { Isolated, Rich } from "../../../../shared/i18n/react.tsx";
import type { Translator } from "../../../../shared/i18n/translator.ts";
import { formatResetCode } from "../../../../shared/reset-code.ts";
import { EmailButton, EmailLayout, emailStyles, renderEmailHtml } from "./email-layout.tsx";
import { describeDuration } from "./lifetime-words.ts";

export interface ResetEmailInput {
  translator: Translator;
  /** The reader's IANA time zone; UTC when unknown. */
  timeZone?: string | undefined;
  appName: string;
  publicBaseUrl: string;
  deepLinkScheme: string;
  token: string;
  /** The canonical 8-character code; printed as XXXX-XXXX. */
  code: string;
  client: ResetClient;
  lifetimeMs: number;
  /** When the link and code stop working. */
  expiresAt: number;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** The language the email is written in, for its Content-Language header. */
  locale: string;
}

/** Builds the web reset link; it is never derived from the request's Host header. */
export function buildResetLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}${PagePath.resetPassword}?token=${encodeURIComponent(token)}`;
}

/** Renders the subject, text part and HTML part of the reset email. */
export function renderResetEmail(input: ResetEmailInput): RenderedEmail {
  const { translator, appName } = input;
  const { t } = translator;
  const link = buildResetLink(input.publicBaseUrl, input.token);
  const deepLink = input.client === "desktop" ? buildResetDeepLink(input.deepLinkScheme, input.token) : null;
  const lifetime = describeDuration(translator, input.lifetimeMs);
  const until = translator.formatDateTime(input.expiresAt, input.timeZone);
  const code = formatResetCode(input.code);

  const text = [
    t("email.greeting"),
    "",
    t("resetEmail.asked", { appName }),
    "",
    t("resetEmail.thisComputerText"),
    "",
    link,
    "",
    ...(deepLink ? [t("email.openInAppText", { appName }), "", deepLink, ""] : []),
    t("resetEmail.otherDevice", { appName }),
    "",
    `    ${translator.isolate(code)}`,
    "",
    t("resetEmail.lifetime", { lifetime, until }),
    "",
    t("resetEmail.notYou"),
    "",
    t("email.signature", { appName }),
    "",
  ].join("\n");

  const html = renderEmailHtml(
    translator,
    <EmailLayout appName={appName} title={t("resetEmail.title")}>
      <p style={emailStyles.paragraph}>{t("resetEmail.asked", { appName })}</p>
      <p style={emailStyles.paragraph}>
        <Rich id="resetEmail.thisComputerHtml" />
      </p>
      <EmailButton href={link}>{t("resetEmail.button")}</EmailButton>
      {deepLink ? (
        <p style={emailStyles.paragraph}>
          <Rich id="resetEmail.openInAppHtml" values={{ appName }} tags={{ link: (content) => <a href={deepLink}>{content}</a> }} />
        </p>
      ) : null}
      <p style={emailStyles.paragraph}>
        <Rich id="resetEmail.otherDevice" values={{ appName }} />
      </p>
      <p style={emailStyles.paragraph} dir="ltr">
        <span style={{ ...emailStyles.code, fontSize: "22px", letterSpacing: "2px" }}>{code}</span>
      </p>
      <p style={emailStyles.paragraph}>
        <Rich id="resetEmail.lifetime" values={{ lifetime, until }} />
      </p>
      <p style={emailStyles.paragraph}>{t("resetEmail.notYou")}</p>
      <p style={emailStyles.small}>{t("email.copyLink")}</p>
      <p style={emailStyles.small}>
        <Isolated>
          <span style={emailStyles.code}>{link}</span>
        </Isolated>
      </p>
    </EmailLayout>,
  );

  return { subject: t("resetEmail.subject", { appName }), text, html, locale: translator.locale };
}
