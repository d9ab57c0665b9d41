/**
 * The new-password form. The hidden `username` carries the account's address so password
 * managers file the new password under the right account; both password fields say
 * `new-password` so they offer to generate one. The words are the catalogue's, the ones the
 * desktop app uses too.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { Isolated, Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import type { NewPasswordProblems } from "../../../../shared/new-password.ts";
import { CsrfField, ErrorSummary, Field, usePolicyHint } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface ResetPasswordPageProps {
  appName: string;
  csrfToken: string;
  /** Names this rendering of the form, so a re-post of exactly this form is recognised after it succeeded. */
  formId: string;
  email: string;
  maskedEmail: string;
  /** The desktop deep link; offered only when the reset was asked for in the app. */
  deepLink?: string | undefined;
  minLength: number;
  errors?: NewPasswordProblems;
}

/** The form that sets the new password. */
export function ResetPasswordPage({ appName, csrfToken, formId, email, maskedEmail, deepLink, minLength, errors = {} }: ResetPasswordPageProps) {
  const { t } = useI18n();
  const passwordError = errors.password ? t(errors.password) : undefined;
  const confirmationError = errors.confirmPassword ? t(errors.confirmPassword) : undefined;
  const labels = { password: t("resetPassword.passwordLabel"), confirm_password: t("resetPassword.confirmationLabel") };
  const invalid = [
    { id: "password", label: labels.password, problem: passwordError },
    { id: "confirm_password", label: labels.confirm_password, problem: confirmationError },
  ].filter(({ problem }) => problem);
  return (
    <Layout appName={appName} title={t("resetPassword.title")} passwordFeedback={{ minLength }}>
      <h1>{t("resetPassword.title")}</h1>
      <p>
        <Rich id="resetPassword.forAccount" values={{ email: <Isolated>{maskedEmail}</Isolated> }} />
      </p>
      <ErrorSummary fields={invalid} />
      <form method="post" action={PagePath.resetPassword} noValidate data-min-length={minLength}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="form_id" value={formId} />
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          id="password"
          label={labels.password}
          type="password"
          autoComplete="new-password"
          hint={usePolicyHint(minLength)}
          error={passwordError}
          autoFocus={Boolean(passwordError) || invalid.length === 0}
          withLiveFeedback
          inputProps={{ maxLength: 512 }}
        />
        <Field
          id="confirm_password"
          label={labels.confirm_password}
          type="password"
          autoComplete="new-password"
          error={confirmationError}
          autoFocus={!passwordError && Boolean(confirmationError)}
          withLiveFeedback
          inputProps={{ maxLength: 512 }}
        />
        <button className="button button-primary" type="submit" data-submitting-label={t("resetPassword.submitting")}>
          {t("resetPassword.submit")}
        </button>
      </form>
      {deepLink ? (
        <div className="alternative">
          <p>{t("resetPassword.preferApp")}</p>
          <a className="button button-secondary" href={deepLink}>
            {t("resetPassword.openInApp", { appName })}
          </a>
        </div>
      ) : null}
    </Layout>
  );
}
