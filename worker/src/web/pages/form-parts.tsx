/**
 * Small pieces every edge form uses: the hidden CSRF field, and the page-side shape of the shared
 * field (shared/ui/Field.tsx), where the input's name is its id and every field is required.
 * Without JavaScript nothing can move focus, so the first invalid field gets `autofocus` and the
 * browser focuses it on load.
 */
import type { InputHTMLAttributes, ReactNode } from "react";
import { PASSWORD_MAX_LENGTH } from "../../../../shared/password-policy.ts";
import { useI18n } from "../../../../shared/i18n/react.tsx";
import type { MessageKey, Translator } from "../../../../shared/i18n/translator.ts";
import { Field as SharedField } from "../../../../shared/ui/Field.tsx";

export { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";

/** The hidden field that carries the CSRF token; its name matches csrf/index.ts. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="csrf_token" value={token} />;
}

/**
 * Filled in by the page script (worker/browser/submit-once.ts) with the browser's time zone, so
 * the email can say until when its link works in the reader's own time.
 */
export function TimeZoneField() {
  return <input type="hidden" name="time_zone" value="" />;
}

/**
 * The live policy feedback's sentences in the page's language, keyed like the catalogue, as the
 * JSON of the page head's `#password-policy-words` block: the page script
 * (worker/browser/password-feedback.ts) carries no catalogue.
 */
export function describePolicyWords(t: Translator["t"], minLength: number): Partial<Record<MessageKey, string>> {
  return {
    "passwordPolicy.tooShort": t("passwordPolicy.tooShort", { min: minLength }),
    "passwordPolicy.tooLong": t("passwordPolicy.tooLong", { max: PASSWORD_MAX_LENGTH }),
    "passwordPolicy.matchesEmail": t("passwordPolicy.matchesEmail"),
    "passwordPolicy.common": t("passwordPolicy.common"),
    "passwordPolicy.accepted": t("passwordPolicy.accepted"),
    "resetPassword.mismatch": t("resetPassword.mismatch"),
  };
}

/** The hint under a new-password field: the shared policy in one sentence. */
export function usePolicyHint(minLength: number): string {
  return useI18n().t("passwordPolicy.hint", { min: minLength, max: PASSWORD_MAX_LENGTH });
}

export interface FieldProps {
  id: string;
  label: string;
  type: "email" | "password" | "text";
  autoComplete: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  autoFocus?: boolean;
  /** Renders the (empty) live region the page's script fills in. */
  withLiveFeedback?: boolean;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
}

/** A server-rendered field: label, hint, error and input, tied together for screen readers. */
export function Field({ id, label, type, autoComplete, hint, error, defaultValue, autoFocus, withLiveFeedback, inputProps }: FieldProps) {
  return (
    <SharedField
      id={id}
      name={id}
      label={label}
      type={type}
      autoComplete={autoComplete}
      required
      hint={hint}
      error={error}
      defaultValue={defaultValue}
      autoFocus={autoFocus}
      feedback={withLiveFeedback ? null : undefined}
      {...inputProps}
    />
  );
}
