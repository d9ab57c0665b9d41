/**
 * After a sign-up: check your email. The Worker answered the same for a new and a taken
 * address, so the screen words it as the email's owner would read it, never saying which.
 */
import { SignUpCopy } from "../../../../shared/copy.ts";
import { ScreenHeading } from "../components/ScreenHeading.tsx";

export interface SignUpSentScreenProps {
  /** The address the sign-up was sent for, as typed. */
  email: string;
  onBackToSignIn(): void;
}

export function SignUpSentScreen({ email, onBackToSignIn }: SignUpSentScreenProps) {
  return (
    <section aria-labelledby="sign-up-sent-title">
      <ScreenHeading id="sign-up-sent-title">{SignUpCopy.checkEmailTitle}</ScreenHeading>
      <p className="notice" role="status">
        {SignUpCopy.checkEmailBody(email)}
      </p>
      <p>Open the link on this computer and ResetKit will ask for your password to confirm the address.</p>
      <p>
        <button className="link" type="button" onClick={onBackToSignIn}>
          Back to sign in
        </button>
      </p>
    </section>
  );
}
