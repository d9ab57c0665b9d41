/**
 * The new-password form. The hidden `username` carries the account's address so password
 * managers file the new password under the right account; both password fields say
 * `new-password` so they offer to generate one. Labels, hints and messages come from
 * shared/copy.ts, the words the desktop app uses too.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { describeOpenInApp, describePasswordPolicy, ResetPasswordCopy } from "../../../../shared/copy.ts";
import type { NewPasswordProblems } from "../../../../shared/new-password.ts";
import { CsrfField, ErrorSummary, Field } from "./form-parts.tsx";
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
  const messages = [errors.password, errors.confirmPassword].filter((message): message is string => Boolean(message));
  return (
    <Layout appName={appName} title={ResetPasswordCopy.title} withPasswordFeedback>
      <h1>{ResetPasswordCopy.title}</h1>
      <p>
        {ResetPasswordCopy.forAccount} <strong>{maskedEmail}</strong>.
      </p>
      <ErrorSummary messages={messages} />
      <form method="post" action={PagePath.resetPassword} noValidate data-min-length={minLength}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="form_id" value={formId} />
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          id="password"
          label={ResetPasswordCopy.passwordLabel}
          type="password"
          autoComplete="new-password"
          hint={describePasswordPolicy(minLength)}
          error={errors.password}
          autoFocus={Boolean(errors.password) || messages.length === 0}
          withLiveFeedback
          inputProps={{ maxLength: 512 }}
        />
        <Field
          id="confirm_password"
          label={ResetPasswordCopy.confirmationLabel}
          type="password"
          autoComplete="new-password"
          error={errors.confirmPassword}
          autoFocus={!errors.password && Boolean(errors.confirmPassword)}
          withLiveFeedback
          inputProps={{ maxLength: 512 }}
        />
        <button className="button button-primary" type="submit" data-submitting-label={ResetPasswordCopy.submitting}>
          {ResetPasswordCopy.submit}
        </button>
      </form>
      {deepLink ? (
        <div className="alternative">
          <p>{ResetPasswordCopy.preferApp}</p>
          <a className="button button-secondary" href={deepLink}>
            {describeOpenInApp(appName)}
          </a>
        </div>
      ) : null}
    </Layout>
  );
}
