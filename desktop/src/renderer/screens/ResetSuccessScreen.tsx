/**
 * The password was changed. Every session was ended by the reset, so the way on is to sign in.
 */
import { useI18n } from "../../../../shared/i18n/react.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";

export function ResetSuccessScreen({ onSignIn }: { onSignIn(): void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="reset-success-title">
      <ScreenHeading id="reset-success-title">{t("resetOutcome.changedTitle")}</ScreenHeading>
      <p className="notice" role="status">
        {t("resetOutcome.changedBody")}
      </p>
      <button className="button button-primary" type="button" onClick={onSignIn}>
        {t("resetOutcome.signIn")}
      </button>
    </section>
  );
}
