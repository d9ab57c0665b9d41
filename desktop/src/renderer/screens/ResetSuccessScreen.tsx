/**
 * The password was changed. Every session was ended by the reset, so the way on is to sign in.
 */
import { ResetOutcomeCopy } from "../../../../shared/copy.ts";
import { ScreenHeading } from "../components/ScreenHeading.tsx";

export function ResetSuccessScreen({ onSignIn }: { onSignIn(): void }) {
  return (
    <section aria-labelledby="reset-success-title">
      <ScreenHeading id="reset-success-title">{ResetOutcomeCopy.changedTitle}</ScreenHeading>
      <p className="notice" role="status">
        {ResetOutcomeCopy.changedBody}
      </p>
      <button className="button button-primary" type="button" onClick={onSignIn}>
        {ResetOutcomeCopy.signIn}
      </button>
    </section>
  );
}
