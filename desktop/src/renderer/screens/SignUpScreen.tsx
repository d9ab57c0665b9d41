/**
 * Create account: an email address and a password typed twice, with the same live policy
 * feedback as the Reset screen. Nothing here asks the Worker for its minimum length before an
 * account exists, so the live check uses the shared default; a Worker that wants more says so on
 * submit, and that sentence appears next to the password like any other. The Worker answers a
 * new and a taken address alike, so success can only mean "check your email".
 */
import { useMutation } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState, type FormEvent } from "react";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import { DEFAULT_PASSWORD_MIN_LENGTH } from "../../../../shared/password-policy.ts";
import { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { NewPasswordFields, useNewPassword, type NewPasswordWords } from "../components/NewPasswordFields.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";
import { TextField } from "../components/TextField.tsx";

const PASSWORD_WORDS: NewPasswordWords = {
  passwordLabel: "signUp.passwordLabel",
  confirmationLabel: "signUp.confirmationLabel",
  missingPassword: "signUp.missingPassword",
  missingConfirmation: "signUp.missingConfirmation",
};

export interface SignUpScreenProps {
  /** Called with the address as sent once the Worker has accepted the sign-up. */
  onAccepted(email: string): void;
  onBackToSignIn(): void;
}

export function SignUpScreen({ onAccepted, onBackToSignIn }: SignUpScreenProps) {
  const words = useI18n();
  const { t } = words;
  const [email, setEmail] = useState("");
  const emailId = useId();
  const emailInput = useRef<HTMLInputElement>(null);
  // The address is part of the policy: a password that is the address itself is refused live.
  const policy = useMemo(() => ({ minLength: DEFAULT_PASSWORD_MIN_LENGTH, email }), [email]);
  const createAccount = useMutation({
    mutationFn: (request: { email: string; password: string }) => unwrap(getApi().createAccount(request)),
    onSuccess: (_accepted, request) => onAccepted(request.email.trim()),
    onError: (error) => {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
      if (fieldErrors.email) emailInput.current?.focus();
      else if (fieldErrors.password) newPassword.passwordInput.current?.focus();
    },
  });
  const serverFieldErrors = createAccount.error instanceof ApiError ? createAccount.error.fieldErrors : {};
  const newPassword = useNewPassword(policy, PASSWORD_WORDS, serverFieldErrors.password);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword.validate()) createAccount.mutate({ email, password: newPassword.password });
  };

  // The address is checked by main with the shared schema; its sentence comes back per field.
  const emailError = serverFieldErrors.email;
  const invalidFields = [...(emailError ? [{ id: emailId, label: t("signUp.emailLabel") }] : []), ...newPassword.invalidFields];
  const hasServerFieldError = Boolean(serverFieldErrors.email || serverFieldErrors.password);
  const formError = createAccount.isError && !hasServerFieldError ? describeError(createAccount.error, words) : null;

  return (
    <section aria-labelledby="sign-up-title">
      <ScreenHeading id="sign-up-title">{t("signUp.title")}</ScreenHeading>
      <p>{t("signUp.intro")}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary messages={formError ? [formError] : []} fields={invalidFields} />
        <TextField
          id={emailId}
          ref={emailInput}
          label={t("signUp.emailLabel")}
          type="email"
          name="email"
          autoComplete="username"
          dir="ltr"
          required
          value={email}
          error={emailError}
          onChange={(event) => setEmail(event.target.value)}
        />
        <NewPasswordFields {...newPassword.fields} words={PASSWORD_WORDS} minLength={DEFAULT_PASSWORD_MIN_LENGTH} />
        <button className="button button-primary" type="submit" disabled={createAccount.isPending}>
          {createAccount.isPending ? t("signUp.submitting") : t("signUp.submit")}
        </button>
      </form>
      <p>
        {t("signUp.haveAccount")}{" "}
        <button className="link" type="button" onClick={onBackToSignIn}>
          {t("signUp.signIn")}
        </button>
      </p>
    </section>
  );
}
