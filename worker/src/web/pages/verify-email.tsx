/**
 * The pages behind the confirmation link: the password step, the confirmed page, the page for a
 * link that no longer works, and the short hop that finishes opening a link followed from another
 * site. The password step asks for the password chosen at sign-up, not a new one: whoever opened
 * the mailbox must also know it, so an account someone else signed up for with this address can
 * never be confirmed here. Its hidden `username` lets a password manager fill that password in.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { ForgotPasswordCopy, ResetOutcomeCopy, VerifyEmailCopy } from "../../../../shared/copy.ts";
import { CsrfField, ErrorSummary, Field } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface VerifyEmailPageProps {
  appName: string;
  csrfToken: string;
  email: string;
  maskedEmail: string;
  error?: string | undefined;
}

/** The password step; only its button, a CSRF-checked POST, confirms anything. */
export function VerifyEmailPage({ appName, csrfToken, email, maskedEmail, error }: VerifyEmailPageProps) {
  return (
    <Layout appName={appName} title={VerifyEmailCopy.title}>
      <h1>{VerifyEmailCopy.title}</h1>
      <p>
        {VerifyEmailCopy.forAccount} <strong>{maskedEmail}</strong>.
      </p>
      <p>{VerifyEmailCopy.intro}</p>
      <ErrorSummary messages={error ? [error] : []} />
      <form method="post" action={PagePath.verifyEmail} noValidate>
        <CsrfField token={csrfToken} />
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          id="password"
          label={VerifyEmailCopy.passwordLabel}
          type="password"
          autoComplete="current-password"
          error={error}
          autoFocus
          inputProps={{ maxLength: 512 }}
        />
        <button className="button button-primary" type="submit" data-submitting-label={VerifyEmailCopy.submitting}>
          {VerifyEmailCopy.submit}
        </button>
      </form>
      <p>
        <a href={PagePath.forgotPassword}>{ForgotPasswordCopy.title}</a>
      </p>
    </Layout>
  );
}

/** Success: the account may sign in now. It always leads somewhere. */
export function EmailVerifiedPage({ appName, signInUrl }: { appName: string; signInUrl: string }) {
  return (
    <Layout appName={appName} title="Email address confirmed">
      <h1>{VerifyEmailCopy.verifiedTitle}</h1>
      <p className="notice" role="status">
        {VerifyEmailCopy.verifiedBody}
      </p>
      <p className="actions">
        <a className="button button-primary" href={signInUrl}>
          {ResetOutcomeCopy.signIn}
        </a>
      </p>
    </Layout>
  );
}

/** A link that already confirmed its address: the account exists, so it leads to signing in, not to signing up again. */
export function AlreadyVerifiedPage({ appName, signInUrl }: { appName: string; signInUrl: string }) {
  return (
    <Layout appName={appName} title="Address already confirmed">
      <h1>{VerifyEmailCopy.alreadyVerifiedTitle}</h1>
      <p>{VerifyEmailCopy.alreadyVerifiedBody}</p>
      <p className="actions">
        <a className="button button-primary" href={signInUrl}>
          {ResetOutcomeCopy.signIn}
        </a>
        <a className="button button-secondary" href={PagePath.forgotPassword}>
          {ForgotPasswordCopy.title}
        </a>
      </p>
    </Layout>
  );
}

/** Unknown, expired and worn-out links all get this one page, with the two ways on. */
export function VerificationLinkInvalidPage({ appName }: { appName: string }) {
  return (
    <Layout appName={appName} title="Link invalid or expired">
      <h1>{VerifyEmailCopy.invalidTitle}</h1>
      <p>{VerifyEmailCopy.invalidBody}</p>
      <p className="actions">
        <a className="button button-primary" href={PagePath.signUp}>
          {VerifyEmailCopy.signUpAgain}
        </a>
        <a className="button button-secondary" href={PagePath.forgotPassword}>
          {ForgotPasswordCopy.title}
        </a>
      </p>
    </Layout>
  );
}

/**
 * A link followed from a mail site arrives cross-site, and browsers withhold SameSite=Strict
 * cookies on that navigation even after our redirect. This page reloads itself at once, now as
 * a same-origin navigation that carries the cookie; it needs no script and keeps a link for
 * browsers that ignore the refresh. (The reset link has the same hop.)
 */
export function ContinueToVerifyEmailPage({ appName }: { appName: string }) {
  return (
    <Layout appName={appName} title="Opening your confirmation link" refreshTo={PagePath.verifyEmail}>
      <h1>Opening your confirmation link…</h1>
      <p>
        <a className="button button-primary" href={PagePath.verifyEmail}>
          Continue
        </a>
      </p>
    </Layout>
  );
}
