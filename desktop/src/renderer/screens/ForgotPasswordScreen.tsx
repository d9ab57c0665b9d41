/**
 * Forgot password: ask for the email address, then say to check the inbox. The answer is the
 * same whether or not the address has an account, so the screen never tells which. Resending is
 * possible after a cooldown, which keeps people from tripping the per-email limit by impatience.
 * The inbox may be on another device, so the screen also takes the code printed in the email.
 */
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { Isolated, Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";
import { ResetCodeExample } from "../../../../shared/ui/ResetCodeExample.tsx";
import { APP_NAME } from "../../app-name.ts";
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
  const words = useI18n();
  const { t } = words;
  const [email, setEmail] = useState("");
  const [enteringCode, setEnteringCode] = useState(false);
  // Each email sent carries a new code with a new guess budget, so the code form starts afresh.
  const [emailsSent, setEmailsSent] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [resent, setResent] = useState(false);
  const cooldown = useCooldown(RESEND_COOLDOWN_SECONDS);
  const emailId = useId();
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
  const errorMessage = requestReset.isError && !fieldErrors.email ? describeError(requestReset.error, words) : null;

  if (sentTo !== null) {
    const waiting = cooldown.secondsLeft > 0;
    return (
      <section key="sent" aria-labelledby="check-email-title">
        <ScreenHeading id="check-email-title">{t("checkEmail.title")}</ScreenHeading>
        <p>
          <Rich id="checkEmail.linkSent" values={{ email: <Isolated>{sentTo}</Isolated> }} />
        </p>
        <p>{t("checkEmail.openInApp", { appName: APP_NAME })}</p>
        <h2>{t("checkEmail.otherDevice")}</h2>
        <p>{t("checkEmail.otherDeviceHint")}</p>
        <ResetCodeForm key={emailsSent} email={sentTo} onRedeemed={onCodeRedeemed} summaryHeadingLevel={3} />
        {resent ? (
          <p className="notice" role="status">
            {t("app.checkEmail.sentAnother")}
          </p>
        ) : null}
        <FormError message={errorMessage} />
        <button
          className="button button-primary"
          type="button"
          disabled={waiting || requestReset.isPending}
          onClick={() => requestReset.mutate(sentTo)}
        >
          {waiting ? t("app.checkEmail.resendIn", { seconds: cooldown.secondsLeft }) : t("app.checkEmail.resend")}
        </button>
        <p>
          <button className="link" type="button" onClick={onBackToSignIn}>
            {t("app.backToSignIn")}
          </button>
        </p>
      </section>
    );
  }

  if (enteringCode) {
    return (
      <section key="code" aria-labelledby="code-title">
        <ScreenHeading id="code-title">{t("resetCode.enterTitle")}</ScreenHeading>
        <p>
          <Rich id="resetCode.enterIntro" values={{ example: <ResetCodeExample /> }} />
        </p>
        <ResetCodeForm onRedeemed={onCodeRedeemed} />
        <p>
          <button className="link" type="button" onClick={() => setEnteringCode(false)}>
            {t("app.forgotPassword.sendEmailInstead")}
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
      <ScreenHeading id="forgot-title">{t("forgotPassword.title")}</ScreenHeading>
      <p>{t("forgotPassword.intro")}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          messages={errorMessage ? [errorMessage] : []}
          fields={fieldErrors.email ? [{ id: emailId, label: t("forgotPassword.emailLabel") }] : []}
        />
        <TextField
          id={emailId}
          ref={emailInput}
          label={t("forgotPassword.emailLabel")}
          type="email"
          name="email"
          autoComplete="email"
          dir="ltr"
          required
          value={email}
          error={fieldErrors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <button className="button button-primary" type="submit" disabled={requestReset.isPending}>
          {requestReset.isPending ? t("forgotPassword.submitting") : t("forgotPassword.submit")}
        </button>
      </form>
      <p>
        <button className="link" type="button" onClick={() => setEnteringCode(true)}>
          {t("app.forgotPassword.haveCode")}
        </button>
      </p>
      <p>
        <button className="link" type="button" onClick={onBackToSignIn}>
          {t("app.backToSignIn")}
        </button>
      </p>
    </section>
  );
}
