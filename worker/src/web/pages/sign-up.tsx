/**
 * The sign-up pages: the form, and the "check your email" answer every address gets alike. The
 * email field says `username` so password managers file the new password under it; both password
 * fields say `new-password` so they offer to generate one. Words come from shared/copy.ts, the
 * ones the desktop app uses too.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { describePasswordPolicy, SignUpCopy } from "../../../../shared/copy.ts";
import { CsrfField, ErrorSummary, Field } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface SignUpErrors {
  email?: string | undefined;
  password?: string | undefined;
  confirmPassword?: string | undefined;
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
  const messages = [errors.email, errors.password, errors.confirmPassword].filter((message): message is string => Boolean(message));
  return (
    <Layout appName={appName} title={SignUpCopy.title} withPasswordFeedback>
      <h1>{SignUpCopy.title}</h1>
      <p>{SignUpCopy.intro}</p>
      <ErrorSummary messages={messages} />
      <form method="post" action={PagePath.signUp} noValidate data-min-length={minLength}>
        <CsrfField token={csrfToken} />
        <Field
          id="email"
          label={SignUpCopy.emailLabel}
          type="email"
          autoComplete="username"
          defaultValue={email}
          error={errors.email}
          autoFocus={Boolean(errors.email) || messages.length === 0}
          inputProps={{ maxLength: 254 }}
        />
        <Field
          id="password"
          label={SignUpCopy.passwordLabel}
          type="password"
          autoComplete="new-password"
          hint={describePasswordPolicy(minLength)}
          error={errors.password}
          autoFocus={!errors.email && Boolean(errors.password)}
          withLiveFeedback
          inputProps={{ maxLength: 512 }}
        />
        <Field
          id="confirm_password"
          label={SignUpCopy.confirmationLabel}
          type="password"
          autoComplete="new-password"
          error={errors.confirmPassword}
          autoFocus={!errors.email && !errors.password && Boolean(errors.confirmPassword)}
          withLiveFeedback
          inputProps={{ maxLength: 512 }}
        />
        <button className="button button-primary" type="submit" data-submitting-label={SignUpCopy.submitting}>
          {SignUpCopy.submit}
        </button>
      </form>
      <p>
        {SignUpCopy.haveAccount}{" "}
        <a href={signInUrl}>{SignUpCopy.signIn}</a>
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
  return (
    <Layout appName={appName} title={SignUpCopy.checkEmailTitle}>
      <h1>{SignUpCopy.checkEmailTitle}</h1>
      <p className="notice" role="status">
        {SignUpCopy.checkEmailBody(knownEmail ?? "the address you entered")}
      </p>
      <p>It can take a minute to arrive; look in your spam folder too.</p>
      {showDevMailbox ? (
        <p className="notice">
          Running locally: emails are kept in the <a href={PagePath.devMailbox}>development mailbox</a>.
        </p>
      ) : null}
      <p>
        <a href={PagePath.signUp}>Use another address</a>
      </p>
    </Layout>
  );
}
