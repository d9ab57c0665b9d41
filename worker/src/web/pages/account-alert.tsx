/**
 * "This wasn't me", reached from the "password changed" email. Opening the link changes
 * nothing (mail scanners open links too); only the button, a CSRF-checked POST, signs the
 * account out everywhere, stops the current password from working and sends a fresh reset
 * link to the account's own address.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { Isolated, Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import { CsrfField } from "./form-parts.tsx";
import { Layout } from "./layout.tsx";

export interface AccountAlertPageProps {
  appName: string;
  csrfToken: string;
  alertToken: string;
  maskedEmail: string;
}

/** The confirmation step. */
export function AccountAlertPage({ appName, csrfToken, alertToken, maskedEmail }: AccountAlertPageProps) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("accountAlert.title")}>
      <h1>{t("accountAlert.heading")}</h1>
      <p>
        <Rich id="accountAlert.body" values={{ email: <Isolated>{maskedEmail}</Isolated> }} />
      </p>
      <form method="post" action={PagePath.accountAlert}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="token" value={alertToken} />
        <button className="button button-danger" type="submit">
          {t("accountAlert.submit")}
        </button>
      </form>
    </Layout>
  );
}

/** After the POST: what happened and what to do next. */
export function AccountAlertDonePage({ appName }: { appName: string }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("accountAlert.doneTitle")}>
      <h1>{t("accountAlert.doneHeading")}</h1>
      <p className="notice" role="status">
        {t("accountAlert.doneBody")}
      </p>
    </Layout>
  );
}

/** An unknown, expired or already used alert link. */
export function AccountAlertInvalidPage({ appName }: { appName: string }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("accountAlert.invalidTitle")}>
      <h1>{t("accountAlert.invalidHeading")}</h1>
      <p>{t("accountAlert.invalidBody")}</p>
      <p>
        <a className="button button-primary" href={PagePath.forgotPassword}>
          {t("accountAlert.askForLink")}
        </a>
      </p>
    </Layout>
  );
}
