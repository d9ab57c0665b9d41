/**
 * Small pieces every edge form uses: the hidden CSRF field, and the page-side shape of the shared
 * field (shared/ui/Field.tsx), where the input's name is its id and every field is required.
 * Without JavaScript nothing can move focus, so the first invalid field gets `autofocus` and the
 * browser focuses it on load.
 */
import type { InputHTMLAttributes } from "react";
import { Field as SharedField } from "../../../../shared/ui/Field.tsx";

export { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";

/** The hidden field that carries the CSRF token; its name matches csrf/index.ts. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="csrf_token" value={token} />;
}

export interface FieldProps {
  id: string;
  label: string;
  type: "email" | "password" | "text";
  autoComplete: string;
  hint?: string;
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
