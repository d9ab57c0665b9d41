/**
 * Error pages for the HTML side of the Worker: unknown page, refused form (CSRF), a form too
 * large to read, a failure on our side (503), and a bad request. They say what to do next,
 * never what went wrong inside.
 */
import { PagePath } from "../../../../shared/contract.ts";
import { EMAIL_MAX_LENGTH } from "../../../../shared/email-address.ts";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import type { MessageKey } from "../../../../shared/i18n/translator.ts";
import { PASSWORD_MAX_LENGTH } from "../../../../shared/password-policy.ts";
import { Layout } from "./layout.tsx";

/** 404 for any path that is neither an API endpoint nor a page. */
export function NotFoundPage({ appName }: { appName: string }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("errorPage.notFoundTitle")}>
      <h1>{t("errorPage.notFoundTitle")}</h1>
      <p>{t("errorPage.notFoundBody")}</p>
      <p>
        <a href={PagePath.forgotPassword}>{t("errorPage.resetYourPassword")}</a>
      </p>
    </Layout>
  );
}

/** 403 for a form post that failed the CSRF check. */
export function FormRefusedPage({ appName }: { appName: string }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("errorPage.formExpiredTitle")}>
      <h1>{t("errorPage.formExpiredHeading")}</h1>
      <p>{t("errorPage.formExpiredBody")}</p>
      <p>
        <a href={PagePath.forgotPassword}>{t("errorPage.startAgain")}</a>
      </p>
    </Layout>
  );
}

/** 413 for a form bigger than any of ours can be: it says so, instead of calling the form expired. */
export function FormTooLargePage({ appName }: { appName: string }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("errorPage.tooLargeTitle")}>
      <h1>{t("errorPage.tooLargeHeading")}</h1>
      <p>{t("errorPage.tooLargeBody", { passwordMax: PASSWORD_MAX_LENGTH, emailMax: EMAIL_MAX_LENGTH })}</p>
      <p>
        <a href={PagePath.forgotPassword}>{t("errorPage.startAgain")}</a>
      </p>
    </Layout>
  );
}

/** 503 when storage or the Worker's configuration fails: the visitor did nothing wrong. */
export function UnavailablePage({ appName }: { appName: string }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("errorPage.unavailableTitle")}>
      <h1>{t("errorPage.unavailableTitle")}</h1>
      <p>{t("errorPage.unavailableBody")}</p>
      <p>{t("errorPage.unavailableLinkStillWorks")}</p>
    </Layout>
  );
}

/** Any other failure, with its status (400, 413, 415, 405). */
export function ErrorPage({ appName, message }: { appName: string; message: MessageKey }) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("errorPage.genericTitle")}>
      <h1>{t("errorPage.genericTitle")}</h1>
      <p>{t(message)}</p>
      <p>
        <a href={PagePath.forgotPassword}>{t("errorPage.startAgain")}</a>
      </p>
    </Layout>
  );
}
