/**
 * The signed-in account page: who is signed in, the change of password (current, new and
 * confirmation, with the same live policy feedback as the reset form), and the two ways out:
 * this browser, or every device. Every button is a CSRF-checked POST.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { displayEmail } from "../../../../shared/email-address.ts";
import { Isolated, Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import type { Message } from "../../../../shared/i18n/translator.ts";
import type { NewPasswordProblems } from "../../../../shared/new-password.ts";
import { CsrfField, ErrorSummary, Field, usePolicyHint } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface AccountPageErrors extends NewPasswordProblems {
  currentPassword?: Message | undefined;
  /** Not about one field: too many attempts, say. */
  form?: Message;
}

export interface AccountPageProps {
  appName: string;
  csrfToken: string;
  email: string;
  minLength: number;
  errors?: AccountPageErrors;
  /** A sentence the previous page left, such as "Your password has been changed." */
  notice?: Message | undefined;
}

/** The account page. */
export function AccountPage({ appName, csrfToken, email, minLength, errors = {}, notice }: AccountPageProps) {
  const { t } = useI18n();
  const say = (problem: Message | undefined) => (problem ? t(problem) : undefined);
  const labels = { current_password: t("account.currentLabel"), password: t("account.newLabel"), confirm_password: t("account.confirmLabel") };
  const invalid = [
    { id: "current_password", label: labels.current_password, problem: errors.currentPassword },
    { id: "password", label: labels.password, problem: errors.password },
    { id: "confirm_password", label: labels.confirm_password, problem: errors.confirmPassword },
  ].filter(({ problem }) => problem);
  return (
    <Layout appName={appName} title={t("account.title")} passwordFeedback={{ minLength }}>
      <h1>{t("account.title")}</h1>
      <p>
        <Rich
          id="account.signedInAs"
          values={{ email: <Isolated>{displayEmail(email)}</Isolated> }}
          tags={{ strong: (content) => <strong className="account-email">{content}</strong> }}
        />
      </p>
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <h2>{t("account.changeTitle")}</h2>
      <ErrorSummary messages={errors.form ? [t(errors.form)] : []} fields={invalid} headingLevel={3} />
      <form method="post" action={PagePath.account} noValidate data-min-length={minLength}>
        <CsrfField token={csrfToken} />
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          id="current_password"
          label={labels.current_password}
          type="password"
          autoComplete="current-password"
          error={say(errors.currentPassword)}
          autoFocus={Boolean(errors.currentPassword)}
          inputProps={{ maxLength: 512 }}
        />
        <Field
          id="password"
          label={labels.password}
          type="password"
          autoComplete="new-password"
          hint={usePolicyHint(minLength)}
          error={say(errors.password)}
          autoFocus={!errors.currentPassword && Boolean(errors.password)}
          withLiveFeedback
          inputProps={{ maxLength: 512 }}
        />
        <Field
          id="confirm_password"
          label={labels.confirm_password}
          type="password"
          autoComplete="new-password"
          error={say(errors.confirmPassword)}
          autoFocus={!errors.currentPassword && !errors.password && Boolean(errors.confirmPassword)}
          withLiveFeedback
          inputProps={{ maxLength: 512 }}
        />
        <button className="button button-primary" type="submit" data-submitting-label={t("account.submitting")}>
          {t("account.submit")}
        </button>
      </form>
      <div className="alternative actions">
        <form method="post" action={PagePath.signOut}>
          <CsrfField token={csrfToken} />
          <button className="button button-secondary" type="submit" data-submitting-label={t("account.signingOut")}>
            {t("account.signOut")}
          </button>
        </form>
        <form method="post" action={PagePath.signOut}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="scope" value="everywhere" />
          <button className="button button-danger" type="submit" data-submitting-label={t("account.signingOut")}>
            {t("account.signOutEverywhere")}
          </button>
        </form>
      </div>
    </Layout>
  );
}
