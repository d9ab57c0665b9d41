/**
 * Sign in with email and password, with the ways into the reset flow ("Forgot password?") and
 * into sign-up ("Create an account"). Every refusal reads the same, and its sentence reminds
 * someone who has just signed up to confirm the address first: until then there is no account.
 * "Keep me signed in" asks main to keep the session for the next launch, encrypted by the OS;
 * main says whether it could.
 */
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";
import type { SignInOutcome } from "../../ipc/api-result.ts";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { ScreenHeading } from "../components/ScreenHeading.tsx";
import { TextField } from "../components/TextField.tsx";

export interface SignInScreenProps {
  notice?: string | undefined;
  /** The address to start with, such as one just confirmed. */
  email?: string | undefined;
  onForgotPassword(): void;
  onCreateAccount(): void;
  onSignedIn(outcome: SignInOutcome): void;
}

export function SignInScreen({ notice, email: initialEmail, onForgotPassword, onCreateAccount, onSignedIn }: SignInScreenProps) {
  const words = useI18n();
  const { t } = words;
  const [email, setEmail] = useState(initialEmail ?? "");
  const [password, setPassword] = useState("");
  const [keepSignedIn, setKeepSignedIn] = useState(false);
  const emailId = useId();
  const passwordId = useId();
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const signIn = useMutation({
    mutationFn: (request: { email: string; password: string; keepSignedIn: boolean }) => unwrap(getApi().signIn(request)),
    onSuccess: onSignedIn,
    onError: (error) => {
      if (error instanceof ApiError && error.fieldErrors.email) {
        emailInput.current?.focus();
        return;
      }
      setPassword("");
      passwordInput.current?.focus();
    },
  });
  const fieldErrors = signIn.error instanceof ApiError ? signIn.error.fieldErrors : {};
  // A field's own error is shown next to it and linked from the summary, which carries everything else.
  const invalidFields = [
    ...(fieldErrors.email ? [{ id: emailId, label: t("signIn.emailLabel") }] : []),
    ...(fieldErrors.password ? [{ id: passwordId, label: t("signIn.passwordLabel") }] : []),
  ];
  const formError = signIn.isError && invalidFields.length === 0 ? describeError(signIn.error, words) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password, keepSignedIn });
  };

  return (
    <section aria-labelledby="sign-in-title">
      <ScreenHeading id="sign-in-title">{t("signIn.title")}</ScreenHeading>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <ErrorSummary messages={formError ? [formError] : []} fields={invalidFields} />
        <TextField
          id={emailId}
          ref={emailInput}
          label={t("signIn.emailLabel")}
          type="email"
          name="email"
          autoComplete="username"
          dir="ltr"
          required
          value={email}
          error={fieldErrors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id={passwordId}
          ref={passwordInput}
          label={t("signIn.passwordLabel")}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={fieldErrors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="checkbox">
          <input id="keep-signed-in" type="checkbox" checked={keepSignedIn} onChange={(event) => setKeepSignedIn(event.target.checked)} />
          <label htmlFor="keep-signed-in">{t("app.signIn.keepSignedIn")}</label>
        </div>
        <button className="button button-primary" type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? t("signIn.submitting") : t("signIn.submit")}
        </button>
      </form>
      <p>
        <button className="link" type="button" onClick={onForgotPassword}>
          {t("signIn.forgotPassword")}
        </button>
      </p>
      <p>
        <button className="link" type="button" onClick={onCreateAccount}>
          {t("signIn.createAccount")}
        </button>
      </p>
    </section>
  );
}
