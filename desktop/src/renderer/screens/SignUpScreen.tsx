/**
 * Create account: an email address and a password typed twice, with the same live policy
 * feedback as the Reset screen. Nothing here asks the Worker for its minimum length before an
 * account exists, so the live check uses the shared default; a Worker that wants more says so on
 * submit, and that sentence appears next to the password like any other. The Worker answers a
 * new and a taken address alike, so success can only mean "check your email".
 */
import { useMutation } from "@tanstack/react-query";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { describePasswordPolicy, SignUpCopy } from "../../../../shared/copy.ts";
import { describeConfirmationProblem, describePasswordFeedback } from "../../../../shared/password-feedback.ts";
import { checkPassword, DEFAULT_PASSWORD_MIN_LENGTH } from "../../../../shared/password-policy.ts";
import { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";
import { PasswordFeedback } from "../../../../shared/ui/PasswordFeedback.tsx";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { FormError } from "../components/FormError.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";
import { TextField } from "../components/TextField.tsx";

/** The contract's own sentence for an empty password, so the screen and main read alike. */
const MISSING_PASSWORD = "Enter a password.";

export interface SignUpScreenProps {
  /** Called with the address as sent once the Worker has accepted the sign-up. */
  onAccepted(email: string): void;
  onBackToSignIn(): void;
}

export function SignUpScreen({ onAccepted, onBackToSignIn }: SignUpScreenProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [attempted, setAttempted] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const confirmationInput = useRef<HTMLInputElement>(null);
  // The address is part of the policy: a password that is the address itself is refused live.
  const policy = useMemo(() => ({ minLength: DEFAULT_PASSWORD_MIN_LENGTH, email }), [email]);
  const violations = useMemo(() => checkPassword(password, policy), [password, policy]);
  const feedback = useMemo(() => describePasswordFeedback(password, policy), [password, policy]);
  const createAccount = useMutation({
    mutationFn: (request: { email: string; password: string }) => unwrap(getApi().createAccount(request)),
    onSuccess: (_accepted, request) => onAccepted(request.email.trim()),
    onError: (error) => {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
      if (fieldErrors.email) emailInput.current?.focus();
      else if (fieldErrors.password) passwordInput.current?.focus();
    },
  });
  const serverFieldErrors = createAccount.error instanceof ApiError ? createAccount.error.fieldErrors : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (password === "" || violations.length > 0) {
      passwordInput.current?.focus();
      return;
    }
    if (confirmation !== password) {
      confirmationInput.current?.focus();
      return;
    }
    createAccount.mutate({ email, password });
  };

  // The address is checked by main with the shared schema; its sentence comes back per field.
  const emailError = serverFieldErrors.email;
  const passwordError = attempted
    ? password === ""
      ? MISSING_PASSWORD
      : (violations[0]?.message ?? serverFieldErrors.password)
    : serverFieldErrors.password;
  const confirmationError =
    describeConfirmationProblem(password, confirmation) ??
    (attempted && confirmation === "" ? SignUpCopy.missingConfirmation : null);
  const fieldMessages = [emailError, passwordError, attempted ? confirmationError : null].filter(
    (message): message is string => Boolean(message),
  );
  const hasServerFieldError = Boolean(serverFieldErrors.email || serverFieldErrors.password);
  const formError = createAccount.isError && !hasServerFieldError ? describeError(createAccount.error) : null;

  return (
    <section aria-labelledby="sign-up-title">
      <ScreenHeading id="sign-up-title">{SignUpCopy.title}</ScreenHeading>
      <p>{SignUpCopy.intro}</p>
      <form onSubmit={submit} noValidate>
        <FormError message={formError} />
        <ErrorSummary messages={fieldMessages} />
        <TextField
          ref={emailInput}
          label={SignUpCopy.emailLabel}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          error={emailError}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          ref={passwordInput}
          label={SignUpCopy.passwordLabel}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          error={passwordError}
          hint={describePasswordPolicy(DEFAULT_PASSWORD_MIN_LENGTH)}
          feedback={<PasswordFeedback feedback={feedback} />}
          onChange={(event) => setPassword(event.target.value)}
        />
        <TextField
          ref={confirmationInput}
          label={SignUpCopy.confirmationLabel}
          type="password"
          name="confirm_password"
          autoComplete="new-password"
          required
          value={confirmation}
          error={confirmationError}
          onChange={(event) => setConfirmation(event.target.value)}
        />
        <button className="button button-primary" type="submit" disabled={createAccount.isPending}>
          {createAccount.isPending ? SignUpCopy.submitting : SignUpCopy.submit}
        </button>
      </form>
      <p>
        {SignUpCopy.haveAccount}{" "}
        <button className="link" type="button" onClick={onBackToSignIn}>
          {SignUpCopy.signIn}
        </button>
      </p>
    </section>
  );
}
