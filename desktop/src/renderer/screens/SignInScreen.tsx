/**
 * Sign in with email and password, with the ways into the reset flow ("Forgot password?") and
 * into sign-up ("Create an account"). Every refusal reads the same, and its sentence reminds
 * someone who has just signed up to confirm the address first: until then there is no account.
 */
import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import type { SignedInAccount } from "../../ipc/api-result.ts";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { FormError } from "../components/FormError.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";
import { TextField } from "../components/TextField.tsx";

export interface SignInScreenProps {
  notice?: string | undefined;
  /** The address to start with, such as one just confirmed. */
  email?: string | undefined;
  onForgotPassword(): void;
  onCreateAccount(): void;
  onSignedIn(account: SignedInAccount): void;
}

export function SignInScreen({ notice, email: initialEmail, onForgotPassword, onCreateAccount, onSignedIn }: SignInScreenProps) {
  const [email, setEmail] = useState(initialEmail ?? "");
  const [password, setPassword] = useState("");
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const signIn = useMutation({
    mutationFn: (request: { email: string; password: string }) => unwrap(getApi().signIn(request)),
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
  // A field's own error is shown next to it; the form-level alert carries everything else.
  const hasFieldError = Boolean(fieldErrors.email || fieldErrors.password);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };

  return (
    <section aria-labelledby="sign-in-title">
      <ScreenHeading id="sign-in-title">Sign in</ScreenHeading>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <FormError message={signIn.isError && !hasFieldError ? describeError(signIn.error) : null} />
        <TextField
          ref={emailInput}
          label="Email address"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          error={fieldErrors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          ref={passwordInput}
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={fieldErrors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button className="button button-primary" type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p>
        <button className="link" type="button" onClick={onForgotPassword}>
          Forgot password?
        </button>
      </p>
      <p>
        <button className="link" type="button" onClick={onCreateAccount}>
          Create an account
        </button>
      </p>
    </section>
  );
}
