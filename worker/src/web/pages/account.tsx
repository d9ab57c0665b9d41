/**
 * The signed-in account page: who is signed in, the change of password (current, new and
 * confirmation, with the same live policy feedback as the reset form), and the two ways out:
 * this browser, or every device. Every button is a CSRF-checked POST.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { AccountCopy, describePasswordPolicy } from "../../../../shared/copy.ts";
import type { NewPasswordProblems } from "../../../../shared/new-password.ts";
import { CsrfField, ErrorSummary, Field } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface AccountPageErrors extends NewPasswordProblems {
  currentPassword?: string;
  /** Not about one field: too many attempts, say. */
  form?: string;
}

export interface AccountPageProps {
  appName: string;
  csrfToken: string;
  email: string;
  minLength: number;
  errors?: AccountPageErrors;
  /** A sentence the previous page left, such as "Your password has been changed." */
  notice?: string;
}

/** The account page. */
export function AccountPage({ appName, csrfToken, email, minLength, errors = {}, notice }: AccountPageProps) {
  const messages = [errors.form, errors.currentPassword, errors.password, errors.confirmPassword].filter(
    (message): message is string => Boolean(message),
  );
  return (
    <Layout appName={appName} title={AccountCopy.title} withPasswordFeedback>
      <h1>{AccountCopy.title}</h1>
      <p>
        {AccountCopy.signedInAs} <strong className="account-email">{email}</strong>.
      </p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <h2>{AccountCopy.changeTitle}</h2>
      <ErrorSummary messages={messages} />
      <form method="post" action={PagePath.account} noValidate data-min-length={minLength}>
        <CsrfField token={csrfToken} />
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          id="current_password"
          label={AccountCopy.currentLabel}
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword}
          autoFocus={Boolean(errors.currentPassword)}
          inputProps={{ maxLength: 512 }}
        />
        <Field
          id="password"
          label={AccountCopy.newLabel}
          type="password"
          autoComplete="new-password"
          hint={describePasswordPolicy(minLength)}
          error={errors.password}
          autoFocus={!errors.currentPassword && Boolean(errors.password)}
          withLiveFeedback
          inputProps={{ maxLength: 512 }}
        />
        <Field
          id="confirm_password"
          label={AccountCopy.confirmLabel}
          type="password"
          autoComplete="new-password"
          error={errors.confirmPassword}
          autoFocus={!errors.currentPassword && !errors.password && Boolean(errors.confirmPassword)}
          withLiveFeedback
          inputProps={{ maxLength: 512 }}
        />
        <button className="button button-primary" type="submit" data-submitting-label={AccountCopy.submitting}>
          {AccountCopy.submit}
        </button>
      </form>
      <div className="alternative actions">
        <form method="post" action={PagePath.signOut}>
          <CsrfField token={csrfToken} />
          <button className="button button-secondary" type="submit" data-submitting-label={AccountCopy.signingOut}>
            {AccountCopy.signOut}
          </button>
        </form>
        <form method="post" action={PagePath.signOut}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="scope" value="everywhere" />
          <button className="button button-danger" type="submit" data-submitting-label={AccountCopy.signingOut}>
            {AccountCopy.signOutEverywhere}
          </button>
        </form>
      </div>
    </Layout>
  );
}
