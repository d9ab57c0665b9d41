/**
 * The "check your email" page, reached with 303 after `/forgot-password`, and the same page on
 * another device for whoever holds a code: the code form. When the browser typed the address
 * itself, the address is shown and travels in a hidden field; otherwise the page asks for it.
 * Every message reads the same whether or not the address has an account.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { CheckEmailCopy, ForgotPasswordCopy, ResetCodeCopy } from "../../../../shared/copy.ts";
import { CsrfField, ErrorSummary, Field } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

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
    <Layout appName={appName} title={knownEmail ? CheckEmailCopy.title : ResetCodeCopy.enterTitle} withCodeFormatting>
      {knownEmail ? (
        <>
          <h1>{CheckEmailCopy.title}</h1>
          <p className="notice" role="status">
            {CheckEmailCopy.linkSent(knownEmail)}
          </p>
          <p>{CheckEmailCopy.howLong(ttlMinutes)}</p>
        </>
      ) : (
        <>
          <h1>{ResetCodeCopy.enterTitle}</h1>
          <p>{ResetCodeCopy.enterIntro}</p>
        </>
      )}
      {showDevMailbox ? (
        <p className="notice">
          Running locally: emails are kept in the <a href={PagePath.devMailbox}>development mailbox</a>.
        </p>
      ) : null}
      <h2>{knownEmail ? CheckEmailCopy.otherDevice : "Your code"}</h2>
      {knownEmail ? <p>{CheckEmailCopy.otherDeviceHint}</p> : null}
      <ErrorSummary messages={messages} />
      <form method="post" action={PagePath.checkEmail} noValidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="wrong_codes" value={String(props.wrongCodes ?? 0)} />
        {knownEmail ? (
          <input type="hidden" name="email" value={knownEmail} />
        ) : (
          <Field
            id="email"
            label={ForgotPasswordCopy.emailLabel}
            type="email"
            autoComplete="email"
            defaultValue={props.email}
            error={errors.email}
            autoFocus={Boolean(errors.email)}
          />
        )}
        <Field
          id="code"
          label={ResetCodeCopy.label}
          type="text"
          autoComplete="one-time-code"
          hint={ResetCodeCopy.hint}
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
        <a href={PagePath.forgotPassword}>Send another link</a>
      </p>
    </Layout>
  );
}
