/**
 * The sign-up pages: the form, and the "check your email" answer every address gets alike. The
 * email field says `username` so password managers file the new password under it; both password
 * fields say `new-password` so they offer to generate one. The words are the catalogue's, the
 * ones the desktop app uses too.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { displayEmail, EMAIL_MAX_LENGTH } from "../../../../shared/email-address.ts";
import { Isolated, Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import type { Message } from "../../../../shared/i18n/translator.ts";
import { DevMailboxNotice } from "./check-email.tsx";
import { CsrfField, ErrorSummary, Field, TimeZoneField, usePolicyHint } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface SignUpErrors {
  email?: Message | undefined;
  password?: Message | undefined;
  confirmPassword?: Message | undefined;
}

export interface SignUpPageProps {
  appName: string;
  csrfToken: string;
  minLength: number;
  /** The web sign-in page: SIGN_IN_URL, or the Worker's own. */
  signInUrl: string;
  /** The address as typed, re-shown after an error; passwords never are. */
  email?: string;
  errors?: SignUpErrors;
}

/** The form that asks for an address and a new password. */
export function SignUpPage({ appName, csrfToken, minLength, signInUrl, email, errors = {} }: SignUpPageProps) {
  const { t } = useI18n();
  const say = (problem: Message | undefined) => (problem ? t(problem) : undefined);
  const labels = { email: t("signUp.emailLabel"), password: t("signUp.passwordLabel"), confirm_password: t("signUp.confirmationLabel") };
  const invalid = [
    { id: "email", label: labels.email, problem: errors.email },
    { id: "password", label: labels.password, problem: errors.password },
    { id: "confirm_password", label: labels.confirm_password, problem: errors.confirmPassword },
  ].filter(({ problem }) => problem);
  return (
    <Layout appName={appName} title={t("signUp.title")} passwordFeedback={{ minLength }}>
      <h1>{t("signUp.title")}</h1>
      <p>{t("signUp.intro")}</p>
      <ErrorSummary fields={invalid} />
      <form method="post" action={PagePath.signUp} noValidate data-min-length={minLength}>
        <CsrfField token={csrfToken} />
        <TimeZoneField />
        <Field
          id="email"
          label={labels.email}
          type="email"
          autoComplete="username"
          defaultValue={email}
          error={say(errors.email)}
          autoFocus={Boolean(errors.email) || invalid.length === 0}
          inputProps={{ maxLength: EMAIL_MAX_LENGTH }}
        />
        <Field
          id="password"
          label={labels.password}
          type="password"
          autoComplete="new-password"
          hint={usePolicyHint(minLength)}
          error={say(errors.password)}
          autoFocus={!errors.email && Boolean(errors.password)}
          withLiveFeedback
          inputProps={{ maxLength: 512 }}
        />
        <Field
          id="confirm_password"
          label={labels.confirm_password}
          type="password"
          autoComplete="new-password"
          error={say(errors.confirmPassword)}
          autoFocus={!errors.email && !errors.password && Boolean(errors.confirmPassword)}
          withLiveFeedback
          inputProps={{ maxLength: 512 }}
        />
        <button className="button button-primary" type="submit" data-submitting-label={t("signUp.submitting")}>
          {t("signUp.submit")}
        </button>
      </form>
      <p>
        {t("signUp.haveAccount")} <a href={signInUrl}>{t("signUp.signIn")}</a>
      </p>
    </Layout>
  );
}

export interface SignUpCheckEmailPageProps {
  appName: string;
  /** The address typed into the form in this browser, or null when the cookie is gone. */
  knownEmail: string | null;
  /** Only in development, where mail goes to the local outbox instead of a real inbox. */
  showDevMailbox?: boolean;
}

/** The answer to every sign-up, for a new address and a taken one alike. */
export function SignUpCheckEmailPage({ appName, knownEmail, showDevMailbox }: SignUpCheckEmailPageProps) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("signUp.checkEmailTitle")}>
      <h1>{t("signUp.checkEmailTitle")}</h1>
      <p className="notice" role="status">
        {knownEmail ? (
          <Rich id="signUp.checkEmailBody" values={{ email: <Isolated>{displayEmail(knownEmail)}</Isolated> }} />
        ) : (
          t("signUp.checkEmailBodyNoAddress")
        )}
      </p>
      <p>{t("signUp.spamHint")}</p>
      {showDevMailbox ? <DevMailboxNotice /> : null}
      <p>
        <a href={PagePath.signUp}>{t("signUpPage.otherAddress")}</a>
      </p>
    </Layout>
  );
}
