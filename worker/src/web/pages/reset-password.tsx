/**
 * The new-password form. The hidden `username` carries the account's address so password
 * managers file the new password under the right account; both password fields say
 * `new-password` so they offer to generate one.
 */
import { CsrfField, ErrorSummary, Field } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface ResetPasswordErrors {
  password?: string;
  confirmPassword?: string;
}

export interface ResetPasswordPageProps {
  appName: string;
  csrfToken: string;
  email: string;
  maskedEmail: string;
  deepLink: string;
  minLength: number;
  errors?: ResetPasswordErrors;
}

/** A sentence that states the shared password policy (shared/password-policy.ts). */
export function describePasswordPolicy(minLength: number): string {
  return `Use ${minLength} to 128 characters. A long phrase is easiest to remember. Common passwords and your email address are not allowed; symbols and numbers are optional.`;
}

/** The form that sets the new password. */
export function ResetPasswordPage({ appName, csrfToken, email, maskedEmail, deepLink, minLength, errors = {} }: ResetPasswordPageProps) {
  const messages = [errors.password, errors.confirmPassword].filter((message): message is string => Boolean(message));
  return (
    <Layout appName={appName} title="Choose a new password" withPasswordFeedback>
      <h1>Choose a new password</h1>
      <p>
        For the account <strong>{maskedEmail}</strong>.
      </p>
      <ErrorSummary messages={messages} />
      <form method="post" action="/reset-password" noValidate data-min-length={minLength}>
        <CsrfField token={csrfToken} />
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          id="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={describePasswordPolicy(minLength)}
          error={errors.password}
          autoFocus={Boolean(errors.password) || messages.length === 0}
          inputProps={{ maxLength: 512 }}
        />
        <Field
          id="confirm_password"
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          error={errors.confirmPassword}
          autoFocus={!errors.password && Boolean(errors.confirmPassword)}
          inputProps={{ maxLength: 512 }}
        />
        <p className="live-feedback" id="password-feedback" aria-live="polite"></p>
        <button className="button button-primary" type="submit">
          Change password
        </button>
      </form>
      <div className="alternative">
        <p>Prefer the app?</p>
        <a className="button button-secondary" href={deepLink}>
          Open in {appName} desktop
        </a>
      </div>
    </Layout>
  );
}
