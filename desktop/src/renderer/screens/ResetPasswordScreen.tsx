/**
 * Reset password, opened by a `resetkit://` link. It first checks the token with the Worker
 * (a query: it changes nothing and may be repeated), shows whose password is being reset, then
 * takes the new password with live feedback from the shared policy, using the minimum length
 * the Worker reports, so the screen never accepts what the server refuses. A link that is unknown,
 * used or expired leads back to requesting a new one.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, type FormEvent } from "react";
import { ErrorCode } from "../../../../shared/errors.ts";
import { Isolated, Rich, useI18n } from "../../../../shared/i18n/react.tsx";
import { RESET_PASSWORD_WORDS } from "../../../../shared/new-password.ts";
import { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { FormError } from "../components/FormError.tsx";
import { NewPasswordFields, useNewPassword, type NewPasswordWords } from "../components/NewPasswordFields.tsx";
import { ScreenHeading } from "../components/ScreenHeading.tsx";

const PASSWORD_WORDS: NewPasswordWords = {
  ...RESET_PASSWORD_WORDS,
  passwordLabel: "resetPassword.passwordLabel",
  confirmationLabel: "resetPassword.confirmationLabel",
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
  const words = useI18n();
  const { t } = words;
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
        <ScreenHeading id="reset-checking-title">{t("app.resetPassword.checking")}</ScreenHeading>
      </section>
    );
  }
  if (isInvalidLink(verification.error) || isInvalidLink(confirm.error)) {
    return <InvalidLink onRequestNewLink={onRequestNewLink} />;
  }
  if (verification.isError) {
    return (
      <section key="unverified" aria-labelledby="reset-unverified-title">
        <ScreenHeading id="reset-unverified-title">{t("app.resetPassword.uncheckedTitle")}</ScreenHeading>
        <FormError message={describeError(verification.error, words)} />
        <button className="button button-primary" type="button" onClick={() => void verification.refetch()}>
          {t("app.tryAgain")}
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
  const { t } = useI18n();
  return (
    <section key="invalid" aria-labelledby="reset-invalid-title">
      <ScreenHeading id="reset-invalid-title">{t("resetOutcome.invalidTitle")}</ScreenHeading>
      <p>{t("resetOutcome.invalidBody")}</p>
      <button className="button button-primary" type="button" onClick={onRequestNewLink}>
        {t("resetOutcome.askAgain")}
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
  const words = useI18n();
  const { t } = words;
  const policy = useMemo(() => ({ minLength }), [minLength]);
  const serverFieldError = serverError instanceof ApiError ? serverError.fieldErrors.password : undefined;
  const newPassword = useNewPassword(policy, PASSWORD_WORDS, serverFieldError);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword.validate()) onSubmit(newPassword.password);
  };

  // After a submit, as on the web form: each sentence next to its field, the summary linking to it.
  const formError = serverError && !serverFieldError ? describeError(serverError, words) : null;

  return (
    <section key="form" aria-labelledby="reset-title">
      <ScreenHeading id="reset-title">{t("resetPassword.title")}</ScreenHeading>
      <p>
        <Rich
          id="resetPassword.forAccount"
          values={{ email: <Isolated>{maskedEmail}</Isolated> }}
          tags={{ strong: (content) => <strong className="masked-email">{content}</strong> }}
        />
      </p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary messages={formError ? [formError] : []} fields={newPassword.invalidFields} />
        <NewPasswordFields {...newPassword.fields} words={PASSWORD_WORDS} minLength={minLength} />
        <button className="button button-primary" type="submit" disabled={submitting}>
          {submitting ? t("resetPassword.submitting") : t("resetPassword.submit")}
        </button>
      </form>
    </section>
  );
}
