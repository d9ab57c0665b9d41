/**
 * Reset password, opened by a `resetkit://` link. It first checks the token with the Worker
 * (a query: it changes nothing and may be repeated), shows whose password is being reset, then
 * takes the new password with live feedback from the shared policy, using the minimum length
 * the Worker reports, so the screen never accepts what the server refuses. A link that is unknown,
 * used or expired leads back to requesting a new one.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, type FormEvent } from "react";
import { ResetOutcomeCopy, ResetPasswordCopy } from "../../../../shared/copy.ts";
import { ErrorCode } from "../../../../shared/errors.ts";
import { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { FormError } from "../components/FormError.tsx";
import { NewPasswordFields, useNewPassword, type NewPasswordWords } from "../components/NewPasswordFields.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";

const PASSWORD_WORDS: NewPasswordWords = {
  passwordLabel: ResetPasswordCopy.passwordLabel,
  confirmationLabel: ResetPasswordCopy.confirmationLabel,
  missingPassword: ResetPasswordCopy.missingPassword,
  missingConfirmation: ResetPasswordCopy.missingConfirmation,
};

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
  const policy = useMemo(() => ({ minLength }), [minLength]);
  const serverFieldError = serverError instanceof ApiError ? serverError.fieldErrors.password : undefined;
  const newPassword = useNewPassword(policy, PASSWORD_WORDS, serverFieldError);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword.validate()) onSubmit(newPassword.password);
  };

  // After a submit, the same messages as the web form: next to each field and in the summary.
  const fieldMessages = newPassword.messages;
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
        <NewPasswordFields {...newPassword.fields} words={PASSWORD_WORDS} minLength={minLength} />
        <button className="button button-primary" type="submit" disabled={submitting}>
          {submitting ? ResetPasswordCopy.submitting : ResetPasswordCopy.submit}
        </button>
      </form>
    </section>
  );
}
