/**
 * Signed in: who you are, and what you can do from here: change the password, sign out on this
 * computer, or sign out of every device (every session of the account ends, this one too).
 */
import { useMutation } from "@tanstack/react-query";
import { displayEmail } from "../../../../shared/email-address.ts";
import { Isolated, Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import type { SignedInAccount } from "../../ipc/api-result.ts";
import { describeError, getApi, unwrap } from "../api-bridge.ts";
import { FormError } from "../components/FormError.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";

export interface SignedInScreenProps {
  account: SignedInAccount;
  /** A sentence to show on arrival, such as "Your password has been changed." */
  notice?: string | undefined;
  onChangePassword(): void;
  onSignedOut(everywhere: boolean): void;
}

export function SignedInScreen({ account, notice, onChangePassword, onSignedOut }: SignedInScreenProps) {
  const words = useI18n();
  const { t } = words;
  const signOut = useMutation({
    mutationFn: (everywhere: boolean) => unwrap(everywhere ? getApi().signOutEverywhere() : getApi().signOut()),
    onSuccess: (_done, everywhere) => onSignedOut(everywhere),
  });
  return (
    <section aria-labelledby="signed-in-title">
      <ScreenHeading id="signed-in-title">{t("app.signedIn.title")}</ScreenHeading>
      <p>
        <Rich
          id="account.signedInAs"
          values={{ email: <Isolated>{displayEmail(account.email)}</Isolated> }}
          tags={{ strong: (content) => <strong className="account-email">{content}</strong> }}
        />
      </p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <FormError message={signOut.isError ? describeError(signOut.error, words) : null} />
      <p className="actions">
        <button className="button button-primary" type="button" onClick={onChangePassword}>
          {t("account.changeTitle")}
        </button>
      </p>
      <p className="actions">
        <button className="button button-secondary" type="button" disabled={signOut.isPending} onClick={() => signOut.mutate(false)}>
          {signOut.isPending && !signOut.variables ? t("account.signingOut") : t("account.signOut")}
        </button>
        <button className="button button-danger" type="button" disabled={signOut.isPending} onClick={() => signOut.mutate(true)}>
          {signOut.isPending && signOut.variables ? t("account.signingOut") : t("account.signOutEverywhere")}
        </button>
      </p>
    </section>
  );
}
