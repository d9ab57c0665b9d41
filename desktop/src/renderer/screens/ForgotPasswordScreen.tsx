/**
 * Forgot password: ask for the email address, then say to check the inbox. The answer is the
 * same whether or not the address has an account, so the screen never tells which. Resending is
 * possible after a cooldown, which keeps people from tripping the per-email limit by impatience.
 * The inbox may be on another device, so the screen also takes the code printed in the email.
 */
import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { CheckEmailCopy, ForgotPasswordCopy, ResetCodeCopy } from "../../../../shared/copy.ts";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { FormError } from "../components/FormError.tsx";
import { ResetCodeForm } from "../components/ResetCodeForm.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";
import { TextField } from "../components/TextField.tsx";
import { useCooldown } from "../use-cooldown.ts";

export const RESEND_COOLDOWN_SECONDS = 30;

export interface ForgotPasswordScreenProps {
  onBackToSignIn(): void;
  /** Opens the Reset screen with the token a redeemed code was traded for. */
  onCodeRedeemed(token: string): void;
}

export function ForgotPasswordScreen({ onBackToSignIn, onCodeRedeemed }: ForgotPasswordScreenProps) {
  const [email, setEmail] = useState("");
  const [enteringCode, setEnteringCode] = useState(false);
  // Each email sent carries a new code with a new guess budget, so the code form starts afresh.
  const [emailsSent, setEmailsSent] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [resent, setResent] = useState(false);
  const cooldown = useCooldown(RESEND_COOLDOWN_SECONDS);
  const emailInput = useRef<HTMLInputElement>(null);
  const requestReset = useMutation({
    mutationFn: (address: string) => unwrap(getApi().requestReset({ email: address })),
    onSuccess: (_accepted, address) => {
      setResent(sentTo !== null);
      setSentTo(address);
      setEmailsSent((count) => count + 1);
      cooldown.start();
    },
    onError: () => emailInput.current?.focus(),
  });
  const fieldErrors = requestReset.error instanceof ApiError ? requestReset.error.fieldErrors : {};
  // A field's own error is shown next to it; the form-level alert carries everything else.
  const errorMessage = requestReset.isError && !fieldErrors.email ? describeError(requestReset.error) : null;

  if (sentTo !== null) {
    const waiting = cooldown.secondsLeft > 0;
    return (
      <section key="sent" aria-labelledby="check-email-title">
        <ScreenHeading id="check-email-title">{CheckEmailCopy.title}</ScreenHeading>
        <p>{CheckEmailCopy.linkSent(sentTo)}</p>
        <p>{CheckEmailCopy.openInApp}</p>
        <h2>{CheckEmailCopy.otherDevice}</h2>
        <p>{CheckEmailCopy.otherDeviceHint}</p>
        <ResetCodeForm key={emailsSent} email={sentTo} onRedeemed={onCodeRedeemed} />
        {resent ? (
          <p className="notice" role="status">
            We sent another email.
          </p>
        ) : null}
        <FormError message={errorMessage} />
        <button
          className="button button-primary"
          type="button"
          disabled={waiting || requestReset.isPending}
          onClick={() => requestReset.mutate(sentTo)}
        >
          {waiting ? `Resend email in ${cooldown.secondsLeft} s` : "Resend email"}
        </button>
        <p>
          <button className="link" type="button" onClick={onBackToSignIn}>
            Back to sign in
          </button>
        </p>
      </section>
    );
  }

  if (enteringCode) {
    return (
      <section key="code" aria-labelledby="code-title">
        <ScreenHeading id="code-title">{ResetCodeCopy.enterTitle}</ScreenHeading>
        <p>{ResetCodeCopy.enterIntro}</p>
        <ResetCodeForm onRedeemed={onCodeRedeemed} />
        <p>
          <button className="link" type="button" onClick={() => setEnteringCode(false)}>
            Send a reset email instead
          </button>
        </p>
      </section>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    requestReset.mutate(email);
  };
  return (
    <section key="form" aria-labelledby="forgot-title">
      <ScreenHeading id="forgot-title">{ForgotPasswordCopy.title}</ScreenHeading>
      <p>{ForgotPasswordCopy.intro}</p>
      <form onSubmit={submit} noValidate>
        <FormError message={errorMessage} />
        <TextField
          ref={emailInput}
          label={ForgotPasswordCopy.emailLabel}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          error={fieldErrors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <button className="button button-primary" type="submit" disabled={requestReset.isPending}>
          {requestReset.isPending ? ForgotPasswordCopy.submitting : ForgotPasswordCopy.submit}
        </button>
      </form>
      <p>
        <button className="link" type="button" onClick={() => setEnteringCode(true)}>
          I have a code
        </button>
      </p>
      <p>
        <button className="link" type="button" onClick={onBackToSignIn}>
          Back to sign in
        </button>
      </p>
    </section>
  );
}
