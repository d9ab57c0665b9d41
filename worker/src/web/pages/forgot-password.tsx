/**
 * The "forgot password" pages: the email form and the friendly page for the per-IP limit. The
 * "check your email" answer every address gets alike is in `check-email.tsx`.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { EMAIL_MAX_LENGTH } from "../../../../shared/email-address.ts";
import { Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import type { Message, MessageKey } from "../../../../shared/i18n/translator.ts";
import { CsrfField, ErrorSummary, Field, TimeZoneField } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface ForgotPasswordPageProps {
  appName: string;
  csrfToken: string;
  email?: string;
  error?: Message | undefined;
}

/** The form that asks for the account's email address. */
export function ForgotPasswordPage({ appName, csrfToken, email, error }: ForgotPasswordPageProps) {
  const { t } = useI18n();
  const sentence = error ? t(error) : undefined;
  const label = t("forgotPassword.emailLabel");
  return (
    <Layout appName={appName} title={t("forgotPassword.title")}>
      <h1>{t("forgotPassword.title")}</h1>
      <p>{t("forgotPassword.intro")}</p>
      <ErrorSummary fields={sentence ? [{ id: "email", label }] : []} />
      <form method="post" action={PagePath.forgotPassword} noValidate>
        <CsrfField token={csrfToken} />
        <TimeZoneField />
        <Field
          id="email"
          label={label}
          type="email"
          autoComplete="email"
          defaultValue={email}
          error={sentence}
          // The page's one field: the cursor waits in it, as on the sign-up form.
          autoFocus
          inputProps={{ maxLength: EMAIL_MAX_LENGTH }}
        />
        <button className="button button-primary" type="submit" data-submitting-label={t("forgotPassword.submitting")}>
          {t("forgotPassword.submit")}
        </button>
      </form>
      <p>
        <a href={PagePath.checkEmail}>{t("forgotPasswordPage.haveCode")}</a>
      </p>
      <p>
        <Rich id="forgotPasswordPage.noAccount" tags={{ signUp: (content) => <a href={PagePath.signUp}>{content}</a> }} />
      </p>
    </Layout>
  );
}

export interface RateLimitedPageProps {
  appName: string;
  retryAfterSeconds: number;
  /** What the network sent too many of, with `{minutes}`; the sign-up and confirm forms share this page. */
  sentence?: MessageKey;
  /** The form to go back to. */
  formPath?: string;
}

/** Shown with 429 when one network asks for too many links. */
export function RateLimitedPage({ appName, retryAfterSeconds, sentence = "rateLimited.resetRequests", formPath = PagePath.forgotPassword }: RateLimitedPageProps) {
  const { t } = useI18n();
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return (
    <Layout appName={appName} title={t("rateLimited.title")}>
      <h1>{t("rateLimited.heading")}</h1>
      <p className="notice" role="status">
        {t(sentence, { minutes })}
      </p>
      <p>
        <a href={formPath}>{t("rateLimited.back")}</a>
      </p>
    </Layout>
  );
}
