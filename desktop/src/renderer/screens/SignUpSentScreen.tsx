/**
 * After a sign-up: check your email. The Worker answered the same for a new and a taken
 * address, so the screen words it as the email's owner would read it, never saying which.
 */
import { Isolated, Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import { APP_NAME } from "../../app-name.ts";
import { ScreenHeading } from "../components/ScreenHeading.tsx";

export interface SignUpSentScreenProps {
  /** The address the sign-up was sent for, as typed. */
  email: string;
  onBackToSignIn(): void;
}

export function SignUpSentScreen({ email, onBackToSignIn }: SignUpSentScreenProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="sign-up-sent-title">
      <ScreenHeading id="sign-up-sent-title">{t("signUp.checkEmailTitle")}</ScreenHeading>
      <p className="notice" role="status">
        <Rich id="signUp.checkEmailBody" values={{ email: <Isolated>{email}</Isolated> }} />
      </p>
      <p>{t("app.signUpSent.openInApp", { appName: APP_NAME })}</p>
      <p>
        <button className="link" type="button" onClick={onBackToSignIn}>
          {t("app.backToSignIn")}
        </button>
      </p>
    </section>
  );
}
