/**
 * Confirm your email address, opened by a `resetkit://verify-email` link. The token alone would
 * prove only the mailbox; the Worker also wants the password chosen at sign-up, so an account
 * someone else created for this address cannot be confirmed by its owner's click and later
 * taken over. A wrong password is that field's error; a link that is unknown, used or expired
 * (the Worker cannot tell it apart before a password is sent) leads back to signing up.
 */
import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { VerifyEmailCopy } from "../../../../shared/copy.ts";
import { ErrorCode } from "../../../../shared/errors.ts";
import { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { FormError } from "../components/FormError.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";
import { TextField } from "../components/TextField.tsx";

/** The contract's own sentence for an empty password, so the screen and main read alike. */
const MISSING_PASSWORD = "Enter your password.";

export interface VerifyEmailScreenProps {
  token: string;
  /** Called with the confirmed address. */
  onVerified(email: string): void;
  onSignUpAgain(): void;
}

export function VerifyEmailScreen({ token, onVerified, onSignUpAgain }: VerifyEmailScreenProps) {
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState(false);
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
  const passwordError = missing ? MISSING_PASSWORD : (serverError?.fieldErrors.password ?? wrongPassword);
  const formError = verify.isError && !passwordError ? describeError(verify.error) : null;

  return (
    <section key="form" aria-labelledby="verify-email-title">
      <ScreenHeading id="verify-email-title">{VerifyEmailCopy.title}</ScreenHeading>
      <p>{VerifyEmailCopy.intro}</p>
      <form onSubmit={submit} noValidate>
        <FormError message={formError} />
        <ErrorSummary messages={passwordError ? [passwordError] : []} />
        <TextField
          ref={passwordInput}
          label={VerifyEmailCopy.passwordLabel}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={passwordError}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button className="button button-primary" type="submit" disabled={verify.isPending}>
          {verify.isPending ? VerifyEmailCopy.submitting : VerifyEmailCopy.submit}
        </button>
      </form>
    </section>
  );
}

function InvalidLink({ onSignUpAgain }: { onSignUpAgain(): void }) {
  return (
    <section key="invalid" aria-labelledby="verify-invalid-title">
      <ScreenHeading id="verify-invalid-title">{VerifyEmailCopy.invalidTitle}</ScreenHeading>
      <p>{VerifyEmailCopy.invalidBody}</p>
      <button className="button button-primary" type="button" onClick={onSignUpAgain}>
        {VerifyEmailCopy.signUpAgain}
      </button>
    </section>
  );
}
