/**
 * Change password, signed in: the current password, then the new one typed twice with the same
 * live policy feedback as Reset password. The Worker checks the current one under the sign-in
 * limits and the new one as on reset (policy and breach check); this session stays signed in and
 * every other one ends.
 */
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import { DEFAULT_PASSWORD_MIN_LENGTH } from "../../../../shared/password-policy.ts";
import { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";
import type { SignedInAccount } from "../../ipc/api-result.ts";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { NewPasswordFields, useNewPassword, type NewPasswordWords } from "../components/NewPasswordFields.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";
import { TextField } from "../components/TextField.tsx";

const PASSWORD_WORDS: NewPasswordWords = {
  passwordLabel: "account.newLabel",
  confirmationLabel: "account.confirmLabel",
  missingPassword: "account.missingPassword",
  missingConfirmation: "account.missingConfirmation",
};

export interface ChangePasswordScreenProps {
  account: SignedInAccount;
  onChanged(): void;
  onCancel(): void;
}

export function ChangePasswordScreen({ account, onChanged, onCancel }: ChangePasswordScreenProps) {
  const words = useI18n();
  const { t } = words;
  const [currentPassword, setCurrentPassword] = useState("");
  const [currentMissing, setCurrentMissing] = useState(false);
  const currentId = useId();
  const currentInput = useRef<HTMLInputElement>(null);
  const change = useMutation({
    mutationFn: (request: { currentPassword: string; newPassword: string }) => unwrap(getApi().changePassword(request)),
    onSuccess: onChanged,
    onError: (error) => {
      if (error instanceof ApiError && error.fieldErrors.currentPassword) {
        setCurrentPassword("");
        currentInput.current?.focus();
      } else newPassword.passwordInput.current?.focus();
    },
  });
  const fieldErrors = change.error instanceof ApiError ? change.error.fieldErrors : {};
  const newPassword = useNewPassword({ minLength: DEFAULT_PASSWORD_MIN_LENGTH, email: account.email }, PASSWORD_WORDS, fieldErrors.newPassword);
  const currentError = currentMissing ? t("account.missingCurrent") : fieldErrors.currentPassword;
  // A field's own error is shown next to it; the form-level alert carries everything else.
  const formError = change.isError && !fieldErrors.currentPassword && !fieldErrors.newPassword ? describeError(change.error, words) : null;
  const invalidFields = [...(currentError ? [{ id: currentId, label: t("account.currentLabel") }] : []), ...newPassword.invalidFields];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCurrentMissing(currentPassword === "");
    const newPasswordReady = newPassword.validate();
    if (currentPassword === "") {
      currentInput.current?.focus();
      return;
    }
    if (newPasswordReady) change.mutate({ currentPassword, newPassword: newPassword.password });
  };

  return (
    <section aria-labelledby="change-password-title">
      <ScreenHeading id="change-password-title">{t("account.changeTitle")}</ScreenHeading>
      <form onSubmit={submit} noValidate>
        <ErrorSummary messages={formError ? [formError] : []} fields={invalidFields} />
        <input type="email" name="username" autoComplete="username" value={account.email} readOnly hidden />
        <TextField
          id={currentId}
          ref={currentInput}
          label={t("account.currentLabel")}
          type="password"
          name="current_password"
          autoComplete="current-password"
          required
          value={currentPassword}
          error={currentError}
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
        <NewPasswordFields {...newPassword.fields} words={PASSWORD_WORDS} minLength={DEFAULT_PASSWORD_MIN_LENGTH} />
        <button className="button button-primary" type="submit" disabled={change.isPending}>
          {change.isPending ? t("account.submitting") : t("account.submit")}
        </button>
      </form>
      <p>
        <button className="link" type="button" onClick={onCancel}>
          {t("account.cancel")}
        </button>
      </p>
    </section>
  );
}
