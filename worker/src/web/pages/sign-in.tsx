/**
 * The web sign-in: email and password, the same limits as the API. Every refusal (an unknown
 * address, a wrong or locked password, a sign-up not confirmed yet) is the same page with the same
 * sentence. The email field says `username` and the password `current-password`, so password
 * managers fill them in.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { SignInCopy } from "../../../../shared/copy.ts";
import { CsrfField, ErrorSummary, Field } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface SignInPageProps {
  appName: string;
  csrfToken: string;
  /** The address as typed, re-shown after a refusal; the password never is. */
  email?: string;
  /** Why the last attempt was refused, for the form as a whole. */
  error?: string;
  /** Why the email field itself was refused. */
  emailError?: string;
  /** A sentence the previous page left, such as "You have signed out." */
  notice?: string;
}

/** The sign-in form. */
export function SignInPage({ appName, csrfToken, email, error, emailError, notice }: SignInPageProps) {
  const messages = [error, emailError].filter((message): message is string => Boolean(message));
  return (
    <Layout appName={appName} title={SignInCopy.title}>
      <h1>{SignInCopy.title}</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary messages={messages} withTitle={false} />
      <form method="post" action={PagePath.signIn} noValidate>
        <CsrfField token={csrfToken} />
        <Field
          id="email"
          label={SignInCopy.emailLabel}
          type="email"
          autoComplete="username"
          defaultValue={email}
          error={emailError}
          autoFocus={!email || Boolean(emailError)}
          inputProps={{ maxLength: 254 }}
        />
        <Field
          id="password"
          label={SignInCopy.passwordLabel}
          type="password"
          autoComplete="current-password"
          autoFocus={Boolean(email) && !emailError}
          inputProps={{ maxLength: 512 }}
        />
        <button className="button button-primary" type="submit" data-submitting-label={SignInCopy.submitting}>
          {SignInCopy.submit}
        </button>
      </form>
      <p>
        <a href={PagePath.forgotPassword}>{SignInCopy.forgotPassword}</a>
      </p>
      <p>
        <a href={PagePath.signUp}>{SignInCopy.createAccount}</a>
      </p>
    </Layout>
  );
}
