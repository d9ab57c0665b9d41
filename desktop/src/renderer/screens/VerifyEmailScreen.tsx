/**
 * Confirm your email address, opened by a `resetkit://verify-email` link. The token alone would
 * prove only the mailbox; the Worker also wants the password chosen at sign-up, so an account
 * someone else created for this address cannot be confirmed by its owner's click and later
 * taken over. A wrong password is that field's error; a link that is unknown, used or expired
 * (the Worker cannot tell it apart before a password is sent) leads back to signing up.
 */
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { ErrorCode } from "../../../../shared/errors.ts";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { ScreenHeading } from "../components/ScreenHeading.tsx";
import { TextField } from "../components/TextField.tsx";

export interface VerifyEmailScreenProps {
  token: string;
  /** Called with the confirmed address. */
  onVerified(email: string): void;
  onSignUpAgain(): void;
}

export function VerifyEmailScreen({ token, onVerified, onSignUpAgain }: VerifyEmailScreenProps) {
  const words = useI18n();
  const { t } = words;
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState(false);
  const passwordId = useId();
  const passwordInput = useRef<HTMLInputElement>(null);
  const verify = useMutation({
    mutationFn: (typed: string) => unwrap(getApi().verifyEmail({ token, password: typed })),
    onSuccess: (account) => onVerified(account.email),
    onError: () => {
      setPassword("");
      passwordInput.current?.focus();
    },
  });

  if (verify.error instanceof ApiError && verify.error.code === ErrorCode.tokenInvalid) {
    return <InvalidLink onSignUpAgain={onSignUpAgain} />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password === "") {
      setMissing(true);
      passwordInput.current?.focus();
      return;
    }
    setMissing(false);
    verify.mutate(password);
  };

  const serverError = verify.error instanceof ApiError ? verify.error : null;
  // Main words the Worker's 401 here as "not the password this account was created with".
  const wrongPassword = serverError?.code === ErrorCode.invalidCredentials ? serverError.message : undefined;
  const passwordError = missing ? t("verifyEmail.missingPassword") : (serverError?.fieldErrors.password ?? wrongPassword);
  const formError = verify.isError && !passwordError ? describeError(verify.error, words) : null;

  return (
    <section key="form" aria-labelledby="verify-email-title">
      <ScreenHeading id="verify-email-title">{t("verifyEmail.title")}</ScreenHeading>
      <p>{t("verifyEmail.intro")}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          messages={formError ? [formError] : []}
          fields={passwordError ? [{ id: passwordId, label: t("verifyEmail.passwordLabel") }] : []}
        />
        <TextField
          id={passwordId}
          ref={passwordInput}
          label={t("verifyEmail.passwordLabel")}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={passwordError}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button className="button button-primary" type="submit" disabled={verify.isPending}>
          {verify.isPending ? t("verifyEmail.submitting") : t("verifyEmail.submit")}
        </button>
      </form>
    </section>
  );
}

function InvalidLink({ onSignUpAgain }: { onSignUpAgain(): void }) {
  const { t } = useI18n();
  return (
    <section key="invalid" aria-labelledby="verify-invalid-title">
      <ScreenHeading id="verify-invalid-title">{t("verifyEmail.invalidTitle")}</ScreenHeading>
      <p>{t("verifyEmail.invalidBody")}</p>
      <button className="button button-primary" type="button" onClick={onSignUpAgain}>
        {t("verifyEmail.signUpAgain")}
      </button>
    </section>
  );
}
