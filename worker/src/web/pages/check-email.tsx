/**
 * The "check your email" page, reached with 303 after `/forgot-password`, and the same page on
 * another device for whoever holds a code: the code form. When the browser typed the address
 * itself, the address is shown and travels in a hidden field; otherwise the page asks for it.
 * Every message reads the same whether or not the address has an account.
 */
import { RESET_CODE_GUESS_BUDGET } from "../../reset/reset-codes.ts";
import { CsrfField, ErrorSummary, Field } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export const CHECK_EMAIL_PATH = "/forgot-password/check-email";

export interface CheckEmailPageProps {
  appName: string;
  csrfToken: string;
  ttlMinutes: number;
  /** The address typed into `/forgot-password` in this browser, if any. */
  knownEmail: string | null;
  /** Only in development, where mail goes to the local outbox instead of a real inbox. */
  showDevMailbox?: boolean;
  /** What was typed, re-shown after an error. */
  email?: string;
  code?: string;
  /** Wrong codes this page has seen so far, carried in a hidden field. */
  wrongCodes?: number;
  errors?: { email?: string; code?: string; form?: string };
}

/** The answer every address gets after asking for a link, with the code form. */
export function CheckEmailPage(props: CheckEmailPageProps) {
  const { appName, csrfToken, ttlMinutes, knownEmail, showDevMailbox, errors = {} } = props;
  const messages = [errors.form, errors.email, errors.code].filter((message): message is string => Boolean(message));
  return (
    <Layout appName={appName} title={knownEmail ? "Check your email" : "Enter your code"} withCodeFormatting>
      {knownEmail ? (
        <>
          <h1>Check your email</h1>
          <p className="notice" role="status">
            If <strong>{knownEmail}</strong> has an account, we have sent it a link to reset the password.
          </p>
          <p>
            On this device, open the link. The link and its code work for {ttlMinutes} minutes and only once. It can take a
            minute to arrive; look in your spam folder too.
          </p>
        </>
      ) : (
        <>
          <h1>Enter the code from the email</h1>
          <p>The reset email has a code like 7KQ2-M9XD. Enter it with the address the email went to.</p>
        </>
      )}
      {showDevMailbox ? (
        <p className="notice">
          Running locally: emails are kept in the <a href="/dev/mailbox">development mailbox</a>.
        </p>
      ) : null}
      <h2>{knownEmail ? "Reading the email on another device?" : "Your code"}</h2>
      {knownEmail ? <p>Enter the code from the email here instead.</p> : null}
      <ErrorSummary messages={messages} />
      <form method="post" action={CHECK_EMAIL_PATH} noValidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="wrong_codes" value={String(props.wrongCodes ?? 0)} />
        {knownEmail ? (
          <input type="hidden" name="email" value={knownEmail} />
        ) : (
          <Field
            id="email"
            label="Email address"
            type="email"
            autoComplete="email"
            defaultValue={props.email}
            error={errors.email}
            autoFocus={Boolean(errors.email)}
          />
        )}
        <Field
          id="code"
          label="Code from the email"
          type="text"
          autoComplete="one-time-code"
          hint="8 characters, like 7KQ2-M9XD"
          defaultValue={props.code}
          error={errors.code}
          autoFocus={Boolean(errors.code) && !errors.email}
          inputProps={{
            autoCapitalize: "characters",
            spellCheck: false,
            maxLength: 32,
            className: "code-input",
          }}
        />
        <button className="button button-primary" type="submit">
          Continue
        </button>
      </form>
      <p>
        <a href="/forgot-password">Send another link</a>
      </p>
    </Layout>
  );
}

/** The message for a code the server refused: the same whether or not the address has an account. */
export function describeRefusedCode(wrongCodes: number): string {
  if (wrongCodes >= RESET_CODE_GUESS_BUDGET) {
    return `That code did not work either. After ${RESET_CODE_GUESS_BUDGET} wrong tries a code stops working: ask for a new email below.`;
  }
  return `That code did not work for this address. Check it against the newest email and try again; after ${RESET_CODE_GUESS_BUDGET} wrong tries the code stops working.`;
}
