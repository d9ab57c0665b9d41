/**
 * Reset password, opened by a `resetkit://` link. It first checks the token with the Worker
 * (a query: it changes nothing and may be repeated), shows whose password is being reset, then
 * takes the new password with live feedback from the shared policy, using the minimum length
 * the Worker reports, so the screen never accepts what the server refuses. A link that is unknown,
 * used or expired leads back to requesting a new one.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { describePasswordPolicy, ResetOutcomeCopy, ResetPasswordCopy } from "../../../../shared/copy.ts";
import { ErrorCode } from "../../../../shared/errors.ts";
import { describeConfirmationProblem, describePasswordFeedback } from "../../../../shared/password-feedback.ts";
import { checkPassword } from "../../../../shared/password-policy.ts";
import { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";
import { PasswordFeedback } from "../../../../shared/ui/PasswordFeedback.tsx";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { FormError } from "../components/FormError.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";
import { TextField } from "../components/TextField.tsx";

export interface ResetPasswordScreenProps {
  token: string;
  onRequestNewLink(): void;
  onReset(): void;
}

function isInvalidLink(error: unknown): boolean {
  return error instanceof ApiError && error.code === ErrorCode.tokenInvalid;
}

export function ResetPasswordScreen({ token, onRequestNewLink, onReset }: ResetPasswordScreenProps) {
  const verification = useQuery({
    queryKey: ["password-reset", token],
    queryFn: () => unwrap(getApi().verifyToken({ token })),
    staleTime: Infinity,
    gcTime: 0,
  });
  const confirm = useMutation({
    mutationFn: (password: string) => unwrap(getApi().confirmReset({ token, password })),
    onSuccess: onReset,
  });

  if (verification.isPending) {
    return (
      <section key="checking" aria-labelledby="reset-checking-title" aria-busy="true">
        <ScreenHeading id="reset-checking-title">Checking your reset link…</ScreenHeading>
      </section>
    );
  }
  if (isInvalidLink(verification.error) || isInvalidLink(confirm.error)) {
    return <InvalidLink onRequestNewLink={onRequestNewLink} />;
  }
  if (verification.isError) {
    return (
      <section key="unverified" aria-labelledby="reset-unverified-title">
        <ScreenHeading id="reset-unverified-title">We couldn't check your reset link</ScreenHeading>
        <FormError message={describeError(verification.error)} />
        <button className="button button-primary" type="button" onClick={() => void verification.refetch()}>
          Try again
        </button>
      </section>
    );
  }
  return (
    <NewPasswordForm
      maskedEmail={verification.data.email}
      minLength={verification.data.passwordMinLength}
      submitting={confirm.isPending}
      serverError={confirm.error}
      onSubmit={(password) => confirm.mutate(password)}
    />
  );
}

function InvalidLink({ onRequestNewLink }: { onRequestNewLink(): void }) {
  return (
    <section key="invalid" aria-labelledby="reset-invalid-title">
      <ScreenHeading id="reset-invalid-title">{ResetOutcomeCopy.invalidTitle}</ScreenHeading>
      <p>{ResetOutcomeCopy.invalidBody}</p>
      <button className="button button-primary" type="button" onClick={onRequestNewLink}>
        {ResetOutcomeCopy.askAgain}
      </button>
    </section>
  );
}

interface NewPasswordFormProps {
  maskedEmail: string;
  minLength: number;
  submitting: boolean;
  serverError: Error | null;
  onSubmit(password: string): void;
}

function NewPasswordForm({ maskedEmail, minLength, submitting, serverError, onSubmit }: NewPasswordFormProps) {
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [attempted, setAttempted] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);
  const confirmationInput = useRef<HTMLInputElement>(null);
  const policy = useMemo(() => ({ minLength }), [minLength]);
  const violations = useMemo(() => checkPassword(password, policy), [password, policy]);
  const feedback = useMemo(() => describePasswordFeedback(password, policy), [password, policy]);
  const serverFieldError = serverError instanceof ApiError ? serverError.fieldErrors.password : undefined;

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
    onSubmit(password);
  };

  // After a submit, the same messages as the web form: next to each field and in the summary.
  const passwordError = attempted
    ? password === ""
      ? ResetPasswordCopy.missingPassword
      : (violations[0]?.message ?? serverFieldError)
    : serverFieldError;
  const confirmationError =
    describeConfirmationProblem(password, confirmation) ??
    (attempted && confirmation === "" ? ResetPasswordCopy.missingConfirmation : null);
  const fieldMessages = [passwordError, attempted ? confirmationError : null].filter((message): message is string => Boolean(message));
  const formError = serverError && !serverFieldError ? describeError(serverError) : null;

  return (
    <section key="form" aria-labelledby="reset-title">
      <ScreenHeading id="reset-title">{ResetPasswordCopy.title}</ScreenHeading>
      <p>
        {ResetPasswordCopy.forAccount} <strong className="masked-email">{maskedEmail}</strong>.
      </p>
      <form onSubmit={submit} noValidate>
        <FormError message={formError} />
        <ErrorSummary messages={fieldMessages} />
        <TextField
          ref={passwordInput}
          label={ResetPasswordCopy.passwordLabel}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          error={passwordError}
          hint={describePasswordPolicy(minLength)}
          feedback={<PasswordFeedback feedback={feedback} />}
          onChange={(event) => setPassword(event.target.value)}
        />
        <TextField
          ref={confirmationInput}
          label={ResetPasswordCopy.confirmationLabel}
          type="password"
          name="confirm_password"
          autoComplete="new-password"
          required
          value={confirmation}
          error={confirmationError}
          onChange={(event) => setConfirmation(event.target.value)}
        />
        <button className="button button-primary" type="submit" disabled={submitting}>
          {submitting ? ResetPasswordCopy.submitting : ResetPasswordCopy.submit}
        </button>
      </form>
    </section>
  );
}
