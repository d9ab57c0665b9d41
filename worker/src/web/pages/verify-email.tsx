/**
 * The pages behind the confirmation link: the password step, the confirmed page, the page for a
 * link that no longer works, and the short hop that finishes opening a link followed from another
 * site. The password step asks for the password chosen at sign-up, not a new one: whoever opened
 * the mailbox must also know it, so an account someone else signed up for with this address can
 * never be confirmed here. Its hidden `username` lets a password manager fill that password in.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { Isolated, Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import type { Message } from "../../../../shared/i18n/translator.ts";
import { CsrfField, ErrorSummary, Field } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface VerifyEmailPageProps {
  appName: string;
  csrfToken: string;
  email: string;
  maskedEmail: string;
  error?: Message | undefined;
}

/** The password step; only its button, a CSRF-checked POST, confirms anything. */
export function VerifyEmailPage({ appName, csrfToken, email, maskedEmail, error }: VerifyEmailPageProps) {
  const { t } = useI18n();
  const sentence = error ? t(error) : undefined;
  const label = t("verifyEmail.passwordLabel");
  return (
    <Layout appName={appName} title={t("verifyEmail.title")}>
      <h1>{t("verifyEmail.title")}</h1>
      <p>
        <Rich id="verifyEmail.forAccount" values={{ email: <Isolated>{maskedEmail}</Isolated> }} />
      </p>
      <p>{t("verifyEmail.intro")}</p>
      <ErrorSummary fields={sentence ? [{ id: "password", label }] : []} />
      <form method="post" action={PagePath.verifyEmail} noValidate>
        <CsrfField token={csrfToken} />
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          id="password"
          label={label}
          type="password"
          autoComplete="current-password"
          error={sentence}
          autoFocus
          inputProps={{ maxLength: 512 }}
        />
        <button className="button button-primary" type="submit" data-submitting-label={t("verifyEmail.submitting")}>
          {t("verifyEmail.submit")}
        </button>
      </form>
      <p>
        <a href={PagePath.forgotPassword}>{t("forgotPassword.title")}</a>
      </p>
    </Layout>
  );
}

/** Success: the account may sign in now. It always leads somewhere. */
export function EmailVerifiedPage({ appName, signInUrl }: { appName: string; signInUrl: string }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("verifyEmailPage.confirmedTitle")}>
      <h1>{t("verifyEmail.verifiedTitle")}</h1>
      <p className="notice" role="status">
        {t("verifyEmail.verifiedBody")}
      </p>
      <p className="actions">
        <a className="button button-primary" href={signInUrl}>
          {t("resetOutcome.signIn")}
        </a>
      </p>
    </Layout>
  );
}

/** A link that already confirmed its address: the account exists, so it leads to signing in, not to signing up again. */
export function AlreadyVerifiedPage({ appName, signInUrl }: { appName: string; signInUrl: string }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("verifyEmailPage.alreadyConfirmedTitle")}>
      <h1>{t("verifyEmail.alreadyVerifiedTitle")}</h1>
      <p>{t("verifyEmail.alreadyVerifiedBody")}</p>
      <p className="actions">
        <a className="button button-primary" href={signInUrl}>
          {t("resetOutcome.signIn")}
        </a>
        <a className="button button-secondary" href={PagePath.forgotPassword}>
          {t("forgotPassword.title")}
        </a>
      </p>
    </Layout>
  );
}

/** Unknown, expired and worn-out links all get this one page, with the two ways on. */
export function VerificationLinkInvalidPage({ appName }: { appName: string }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("verifyEmailPage.invalidTitle")}>
      <h1>{t("verifyEmail.invalidTitle")}</h1>
      <p>{t("verifyEmail.invalidBody")}</p>
      <p className="actions">
        <a className="button button-primary" href={PagePath.signUp}>
          {t("verifyEmail.signUpAgain")}
        </a>
        <a className="button button-secondary" href={PagePath.forgotPassword}>
          {t("forgotPassword.title")}
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
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("verifyEmailPage.openingTitle")} refreshTo={PagePath.verifyEmail}>
      <h1>{t("verifyEmailPage.opening")}</h1>
      <p>
        <a className="button button-primary" href={PagePath.verifyEmail}>
          {t("page.continue")}
        </a>
      </p>
    </Layout>
  );
}
