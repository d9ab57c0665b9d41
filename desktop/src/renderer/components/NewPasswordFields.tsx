/**
 * A new password typed twice, as Create account and Reset password both ask for it: the shared
 * policy checked live (shared/password-policy.ts), its hint and feedback under the first field,
 * and, once the person has tried to submit, the messages of the one shared check the web forms use
 * too (shared/new-password.ts) next to each field, and the fields to fix for the error summary.
 * `useNewPassword` holds the state and the rules; `NewPasswordFields` draws the two fields.
 *
 * Every message is a catalogue key until it is drawn, so the fields follow a change of language.
 *
 * @example
 * const newPassword = useNewPassword({ minLength: 12 }, RESET_FIELD_WORDS, serverFieldError);
 * const submit = () => newPassword.validate() && send(newPassword.password);
 * <NewPasswordFields {...newPassword.fields} words={RESET_FIELD_WORDS} minLength={12} />
 */
import { useId, useMemo, useRef, useState, type RefObject } from "react";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import type { MessageKey } from "../../../../shared/i18n/translator.ts";
import { checkNewPassword, type NewPasswordWords as MissingFieldWords } from "../../../../shared/new-password.ts";
import { describeConfirmationProblem, describePasswordFeedback, type PasswordFeedback as PasswordFeedbackSummary } from "../../../../shared/password-feedback.ts";
import { PASSWORD_MAX_LENGTH } from "../../../../shared/password-policy.ts";
import type { InvalidField } from "../../../../shared/ui/ErrorSummary.tsx";
import { PasswordFeedback } from "../../../../shared/ui/PasswordFeedback.tsx";
import { TextField } from "./TextField.tsx";

/** What a screen calls the two fields and says when one is left empty. */
export interface NewPasswordWords extends MissingFieldWords {
  passwordLabel: MessageKey;
  confirmationLabel: MessageKey;
}

export interface NewPasswordPolicy {
  minLength: number;
  /** The account's address, when the screen knows it: a password equal to it is refused live. */
  email?: string;
}

/** What the two fields draw: the values, the messages and where focus goes (no logic). */
export interface NewPasswordFieldState {
  password: string;
  confirmation: string;
  setPassword(value: string): void;
  setConfirmation(value: string): void;
  passwordId: string;
  confirmationId: string;
  passwordInput: RefObject<HTMLInputElement | null>;
  confirmationInput: RefObject<HTMLInputElement | null>;
  feedback: PasswordFeedbackSummary;
  passwordError: string | undefined;
  confirmationError: string | null;
}

/** The state and rules of the two fields; `serverFieldError` is the Worker's sentence for the password, if any. */
export function useNewPassword(policy: NewPasswordPolicy, words: NewPasswordWords, serverFieldError?: string) {
  const { t } = useI18n();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [attempted, setAttempted] = useState(false);
  const passwordId = useId();
  const confirmationId = useId();
  const passwordInput = useRef<HTMLInputElement>(null);
  const confirmationInput = useRef<HTMLInputElement>(null);
  const problems = useMemo(() => checkNewPassword(password, confirmation, policy, words), [password, confirmation, policy, words]);
  const feedback = useMemo(() => describePasswordFeedback(password, policy), [password, policy]);

  /** Marks the form as tried; true when both fields pass, otherwise focuses the first that does not. */
  const validate = (): boolean => {
    setAttempted(true);
    if (problems.password) {
      passwordInput.current?.focus();
      return false;
    }
    if (problems.confirmPassword) {
      confirmationInput.current?.focus();
      return false;
    }
    return true;
  };

  const passwordProblem = attempted && problems.password ? t(problems.password) : undefined;
  const passwordError = passwordProblem ?? serverFieldError;
  // A mismatch shows as soon as something is typed in the confirmation; an empty one only after a try.
  const confirmationProblem = describeConfirmationProblem(password, confirmation) ?? (attempted ? problems.confirmPassword : undefined);
  const confirmationError = confirmationProblem ? t(confirmationProblem) : null;
  /** The fields the error summary links to, in field order; the confirmation only after a try. */
  const invalidFields: InvalidField[] = [
    ...(passwordError ? [{ id: passwordId, label: t(words.passwordLabel) }] : []),
    ...(attempted && confirmationError ? [{ id: confirmationId, label: t(words.confirmationLabel) }] : []),
  ];

  const fields: NewPasswordFieldState = {
    password,
    confirmation,
    setPassword,
    setConfirmation,
    passwordId,
    confirmationId,
    passwordInput,
    confirmationInput,
    feedback,
    passwordError,
    confirmationError,
  };
  return { password, passwordInput, fields, invalidFields, validate };
}

export interface NewPasswordFieldsProps extends NewPasswordFieldState {
  words: NewPasswordWords;
  /** The minimum length the hint names. */
  minLength: number;
}

export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { t } = useI18n();
  const { words, minLength, password, confirmation, passwordId, confirmationId, passwordInput, confirmationInput, feedback, passwordError, confirmationError } =
    props;
  return (
    <>
      <TextField
        id={passwordId}
        ref={passwordInput}
        label={t(words.passwordLabel)}
        type="password"
        name="password"
        autoComplete="new-password"
        required
        value={password}
        error={passwordError}
        hint={t("passwordPolicy.hint", { min: minLength, max: PASSWORD_MAX_LENGTH })}
        feedback={<PasswordFeedback feedback={feedback} />}
        onChange={(event) => props.setPassword(event.target.value)}
      />
      <TextField
        id={confirmationId}
        ref={confirmationInput}
        label={t(words.confirmationLabel)}
        type="password"
        name="confirm_password"
        autoComplete="new-password"
        required
        value={confirmation}
        error={confirmationError}
        onChange={(event) => props.setConfirmation(event.target.value)}
      />
    </>
  );
}
