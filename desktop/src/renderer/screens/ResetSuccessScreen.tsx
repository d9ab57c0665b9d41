/**
 * The password was changed. Every session was ended by the reset, so the way on is to sign in.
 */
import { ScreenHeading } from "../components/ScreenHeading.tsx";

export function ResetSuccessScreen({ onSignIn }: { onSignIn(): void }) {
  return (
    <section aria-labelledby="reset-success-title">
      <ScreenHeading id="reset-success-title">Your password has been changed</ScreenHeading>
      <p className="notice" role="status">
        For your safety you were signed out everywhere. Sign in with your new password.
      </p>
      <button className="button button-primary" type="button" onClick={onSignIn}>
        Sign in
      </button>
    </section>
  );
}
