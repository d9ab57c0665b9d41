/**
 * The web sign-in: email and password, the same limits as the API. Every refusal (an unknown
 * address, a wrong or locked password, a sign-up not confirmed yet) is the same page with the same
 * sentence. The email field says `username` and the password `current-password`, so password
 * managers fill them in.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { EMAIL_MAX_LENGTH } from "../../../../shared/email-address.ts";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import type { Message } from "../../../../shared/i18n/translator.ts";
import { CsrfField, ErrorSummary, Field } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface SignInPageProps {
  appName: string;
  csrfToken: string;
  /** The address as typed, re-shown after a refusal; the password never is. */
  email?: string;
  /** Why the last attempt was refused, for the form as a whole. */
  error?: Message | undefined;
  /** Why the email field itself was refused. */
  emailError?: Message | undefined;
  /** A sentence the previous page left, such as "You have signed out." */
  notice?: Message | undefined;
}

/** The sign-in form. */
export function SignInPage({ appName, csrfToken, email, error, emailError, notice }: SignInPageProps) {
  const { t } = useI18n();
  const emailSentence = emailError ? t(emailError) : undefined;
  return (
    <Layout appName={appName} title={t("signIn.title")}>
      <h1>{t("signIn.title")}</h1>
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <ErrorSummary messages={error ? [t(error)] : []} fields={emailSentence ? [{ id: "email", label: t("signIn.emailLabel") }] : []} />
      <form method="post" action={PagePath.signIn} noValidate>
        <CsrfField token={csrfToken} />
        <Field
          id="email"
          label={t("signIn.emailLabel")}
          type="email"
          autoComplete="username"
          defaultValue={email}
          error={emailSentence}
          autoFocus={!email || Boolean(emailError)}
          inputProps={{ maxLength: EMAIL_MAX_LENGTH }}
        />
        <Field
          id="password"
          label={t("signIn.passwordLabel")}
          type="password"
          autoComplete="current-password"
          autoFocus={Boolean(email) && !emailError}
          inputProps={{ maxLength: 512 }}
        />
        <button className="button button-primary" type="submit" data-submitting-label={t("signIn.submitting")}>
          {t("signIn.submit")}
        </button>
      </form>
      <p>
        <a href={PagePath.forgotPassword}>{t("signIn.forgotPassword")}</a>
      </p>
      <p>
        <a href={PagePath.signUp}>{t("signIn.createAccount")}</a>
      </p>
    </Layout>
  );
}
