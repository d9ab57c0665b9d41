/**
 * Signed in: who you are, and the way out.
 */
import { useMutation } from "@tanstack/react-query";
import type { SignedInAccount } from "../../ipc/api-result.ts";
import { describeError, getApi, unwrap } from "../api-bridge.ts";
import { FormError } from "../components/FormError.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";

export function SignedInScreen({ account, onSignedOut }: { account: SignedInAccount; onSignedOut(): void }) {
  const signOut = useMutation({
    mutationFn: () => unwrap(getApi().signOut()),
    onSuccess: onSignedOut,
  });
  return (
    <section aria-labelledby="signed-in-title">
      <ScreenHeading id="signed-in-title">You're signed in</ScreenHeading>
      <p>
        Signed in as <strong className="account-email">{account.email}</strong>.
      </p>
      <FormError message={signOut.isError ? describeError(signOut.error) : null} />
      <button className="button button-primary" type="button" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
        {signOut.isPending ? "Signing out…" : "Sign out"}
      </button>
    </section>
  );
}
