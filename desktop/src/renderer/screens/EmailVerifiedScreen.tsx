/**
 * The address is confirmed. The Worker answers a confirmation with the account, not a session,
 * so the way on is the Sign in screen, with the address filled in.
 */
import { displayEmail } from "../../../../shared/email-address.ts";
import { Isolated, Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";

export interface EmailVerifiedScreenProps {
  email: string;
  onSignIn(): void;
}

export function EmailVerifiedScreen({ email, onSignIn }: EmailVerifiedScreenProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="email-verified-title">
      <ScreenHeading id="email-verified-title">{t("verifyEmail.verifiedTitle")}</ScreenHeading>
      <p className="notice" role="status">
        {t("verifyEmail.verifiedBody")}
      </p>
      <p>
        <Rich
          id="verifyEmail.forAccount"
          values={{ email: <Isolated>{displayEmail(email)}</Isolated> }}
          tags={{ strong: (content) => <strong className="account-email">{content}</strong> }}
        />
      </p>
      <button className="button button-primary" type="button" onClick={onSignIn}>
        {t("signUp.signIn")}
      </button>
    </section>
  );
}
