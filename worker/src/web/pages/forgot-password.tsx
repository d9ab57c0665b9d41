/**
 * The "forgot password" pages: the email form and the friendly page for the per-IP limit. The
 * "check your email" answer every address gets alike is in `check-email.tsx`.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { ForgotPasswordCopy } from "../../../../shared/copy.ts";
import { CsrfField, ErrorSummary, Field } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface ForgotPasswordPageProps {
  appName: string;
  csrfToken: string;
  email?: string;
  error?: string;
}

/** The form that asks for the account's email address. */
export function ForgotPasswordPage({ appName, csrfToken, email, error }: ForgotPasswordPageProps) {
  return (
    <Layout appName={appName} title={ForgotPasswordCopy.title}>
      <h1>{ForgotPasswordCopy.title}</h1>
      <p>{ForgotPasswordCopy.intro}</p>
      <ErrorSummary messages={error ? [error] : []} />
      <form method="post" action={PagePath.forgotPassword} noValidate>
        <CsrfField token={csrfToken} />
        <Field id="email" label={ForgotPasswordCopy.emailLabel} type="email" autoComplete="email" defaultValue={email} error={error} autoFocus={Boolean(error)} />
        <button className="button button-primary" type="submit" data-submitting-label={ForgotPasswordCopy.submitting}>
          {ForgotPasswordCopy.submit}
        </button>
      </form>
      <p>
        <a href={PagePath.checkEmail}>I have a code</a>
      </p>
      <p>
        No account yet? <a href={PagePath.signUp}>Create an account</a>
      </p>
    </Layout>
  );
}

export interface RateLimitedPageProps {
  appName: string;
  retryAfterSeconds: number;
  /** What the network sent too many of; the sign-up form shares this page. */
  requests?: string;
  /** The form to go back to. */
  formPath?: string;
}

/** Shown with 429 when one network asks for too many links. */
export function RateLimitedPage({ appName, retryAfterSeconds, requests = "reset requests", formPath = PagePath.forgotPassword }: RateLimitedPageProps) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return (
    <Layout appName={appName} title="Too many requests">
      <h1>Please wait a little</h1>
      <p className="notice" role="status">
        We have received many {requests} from your network. Try again in {minutes} {minutes === 1 ? "minute" : "minutes"}.
      </p>
      <p>
        <a href={formPath}>Back to the form</a>
      </p>
    </Layout>
  );
}
