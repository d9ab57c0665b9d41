/**
 * The pages around the reset form: the link is invalid or expired, or was used, the password was changed,
 * and the short hop that finishes opening a link that was followed from another site.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import { Layout } from "./layout.tsx";

/** Unknown, revoked and expired links all get this one page, with a way to ask again. */
export function ResetLinkInvalidPage({ appName }: { appName: string }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("resetLinkPage.invalidTitle")}>
      <h1>{t("resetOutcome.invalidTitle")}</h1>
      <p>{t("resetOutcome.invalidBody")}</p>
      <p>
        <a className="button button-primary" href={PagePath.forgotPassword}>
          {t("resetOutcome.askAgain")}
        </a>
      </p>
    </Layout>
  );
}

/** A link that already set a password (or whose code was redeemed): it says so, with a way to ask again. */
export function ResetLinkUsedPage({ appName }: { appName: string }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("resetLinkPage.usedTitle")}>
      <h1>{t("resetOutcome.usedTitle")}</h1>
      <p>{t("resetOutcome.usedBody")}</p>
      <p>
        <a className="button button-primary" href={PagePath.forgotPassword}>
          {t("resetOutcome.askAgain")}
        </a>
      </p>
    </Layout>
  );
}

export interface PasswordChangedPageProps {
  appName: string;
  /** The web sign-in page: SIGN_IN_URL, or the Worker's own. */
  signInUrl: string;
  /** Opens the desktop app's sign-in screen; only when the reset was asked for in the app. */
  appLink?: string | undefined;
}

/** Success: the new password is set and every session was signed out. It always leads somewhere. */
export function PasswordChangedPage({ appName, signInUrl, appLink }: PasswordChangedPageProps) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("resetLinkPage.changedTitle")}>
      <h1>{t("resetOutcome.changedTitle")}</h1>
      <p className="notice" role="status">
        {t("resetOutcome.changedBody")}
      </p>
      <p className="actions">
        <a className="button button-primary" href={signInUrl}>
          {t("resetOutcome.signIn")}
        </a>
        {appLink ? (
          <a className="button button-secondary" href={appLink}>
            {t("resetPassword.openInApp", { appName })}
          </a>
        ) : null}
      </p>
    </Layout>
  );
}

/**
 * A link followed from a mail site arrives cross-site, and browsers withhold SameSite=Strict
 * cookies on that navigation even after our redirect. This page reloads itself at once, now as
 * a same-origin navigation that carries the cookie. It needs no script, and keeps a link for
 * browsers that ignore the refresh.
 */
export function ContinueToResetPage({ appName }: { appName: string }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("resetLinkPage.openingTitle")} refreshTo={PagePath.resetPassword}>
      <h1>{t("resetLinkPage.opening")}</h1>
      <p>
        <a className="button button-primary" href={PagePath.resetPassword}>
          {t("page.continue")}
        </a>
      </p>
    </Layout>
  );
}
