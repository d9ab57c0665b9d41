/**
 * Small pieces every form uses: the hidden CSRF field, a labelled text field with its hint and
 * error, and the error summary in an `aria-live` region. Without JavaScript nothing can move
 * focus, so the first invalid field gets `autofocus` and the browser focuses it on load.
 */
import type { InputHTMLAttributes } from "react";

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
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
}

/** A label, an input, and optionally a hint and an error, tied together for screen readers. */
export function Field({ id, label, type, autoComplete, hint, error, defaultValue, autoFocus, inputProps }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={id}
        type={type}
        autoComplete={autoComplete}
        required
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...inputProps}
      />
    </div>
  );
}

/** The region screen readers announce: a list of what to fix, empty when all is well. */
export function ErrorSummary({ messages }: { messages: readonly string[] }) {
  return (
    <div className={messages.length > 0 ? "error-summary" : "error-summary error-summary-empty"} aria-live="assertive" role="alert">
      {messages.length > 0 ? (
        <>
          <h2>Please fix {messages.length === 1 ? "this" : "these"} first</h2>
          <ul>
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
