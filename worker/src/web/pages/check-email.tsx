/**
 * The "check your email" page, reached with 303 after `/forgot-password`, and the same page on
 * another device for whoever holds a code: the code form. When the browser typed the address
 * itself, the address is shown and travels in a hidden field; otherwise the page asks for it.
 * Every message reads the same whether or not the address has an account.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { displayEmail, EMAIL_MAX_LENGTH } from "../../../../shared/email-address.ts";
import { Isolated, Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import type { Message } from "../../../../shared/i18n/translator.ts";
import { RESET_CODE_INPUT_MAX_LENGTH } from "../../../../shared/reset-code.ts";
import { ResetCodeExample } from "../../../../shared/ui/ResetCodeExample.tsx";
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
  errors?: { email?: Message | undefined; code?: Message | undefined; form?: Message };
}

/** The answer every address gets after asking for a link, with the code form. */
export function CheckEmailPage(props: CheckEmailPageProps) {
  const { appName, csrfToken, ttlMinutes, knownEmail, showDevMailbox, errors = {} } = props;
  const { t } = useI18n();
  const labels = { email: t("forgotPassword.emailLabel"), code: t("resetCode.label") };
  const invalid = [
    { id: "email", label: labels.email, problem: errors.email },
    { id: "code", label: labels.code, problem: errors.code },
  ].filter(({ problem }) => problem);
  const example = <ResetCodeExample />;
  return (
    <Layout appName={appName} title={knownEmail ? t("checkEmail.title") : t("resetCode.enterTitle")} withCodeFormatting>
      {knownEmail ? (
        <>
          <h1>{t("checkEmail.title")}</h1>
          <p className="notice" role="status">
            <Rich id="checkEmail.linkSent" values={{ email: <Isolated>{displayEmail(knownEmail)}</Isolated> }} />
          </p>
          <p>{t("checkEmail.howLong", { minutes: ttlMinutes })}</p>
        </>
      ) : (
        <>
          <h1>{t("resetCode.enterTitle")}</h1>
          <p>
            <Rich id="resetCode.enterIntro" values={{ example }} />
          </p>
        </>
      )}
      {showDevMailbox ? <DevMailboxNotice /> : null}
      <h2>{knownEmail ? t("checkEmail.otherDevice") : t("checkEmailPage.yourCode")}</h2>
      {knownEmail ? <p>{t("checkEmail.otherDeviceHint")}</p> : null}
      {/* The form is part of the section above, so its summary's heading is one level below. */}
      <ErrorSummary messages={errors.form ? [t(errors.form)] : []} fields={invalid} headingLevel={3} />
      <form method="post" action={PagePath.checkEmail} noValidate>
        <CsrfField token={csrfToken} />
        {knownEmail ? (
          <input type="hidden" name="email" value={knownEmail} />
        ) : (
          <Field
            id="email"
            label={labels.email}
            type="email"
            autoComplete="email"
            defaultValue={props.email}
            error={errors.email ? t(errors.email) : undefined}
            autoFocus={Boolean(errors.email)}
            inputProps={{ maxLength: EMAIL_MAX_LENGTH }}
          />
        )}
        <Field
          id="code"
          label={labels.code}
          type="text"
          autoComplete="one-time-code"
          hint={<Rich id="resetCode.hint" values={{ example }} />}
          defaultValue={props.code}
          error={errors.code ? t(errors.code) : undefined}
          autoFocus={Boolean(errors.code) && !errors.email}
          inputProps={{
            autoCapitalize: "characters",
            spellCheck: false,
            maxLength: RESET_CODE_INPUT_MAX_LENGTH,
            className: "code-input",
            dir: "ltr",
          }}
        />
        <button className="button button-primary" type="submit">
          {t("page.continue")}
        </button>
      </form>
      <p>
        <a href={PagePath.forgotPassword}>{t("checkEmailPage.sendAnother")}</a>
      </p>
    </Layout>
  );
}

/** Development only: where the emails went instead of an inbox. */
export function DevMailboxNotice() {
  return (
    <p className="notice">
      <Rich id="page.devMailbox" tags={{ mailbox: (content) => <a href={PagePath.devMailbox}>{content}</a> }} />
    </p>
  );
}
