/**
 * The address is confirmed. The Worker answers a confirmation with the account, not a session,
 * so the way on is the Sign in screen, with the address filled in.
 */
import { SignUpCopy, VerifyEmailCopy } from "../../../../shared/copy.ts";
import { ScreenHeading } from "../components/ScreenHeading.tsx";

export interface EmailVerifiedScreenProps {
  email: string;
  onSignIn(): void;
}

export function EmailVerifiedScreen({ email, onSignIn }: EmailVerifiedScreenProps) {
  return (
    <section aria-labelledby="email-verified-title">
      <ScreenHeading id="email-verified-title">{VerifyEmailCopy.verifiedTitle}</ScreenHeading>
      <p className="notice" role="status">
        {VerifyEmailCopy.verifiedBody}
      </p>
      <p>
        {VerifyEmailCopy.forAccount} <strong className="account-email">{email}</strong>.
      </p>
      <button className="button button-primary" type="button" onClick={onSignIn}>
        {SignUpCopy.signIn}
      </button>
    </section>
  );
}
