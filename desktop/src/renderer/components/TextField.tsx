/**
 * A labelled input with an optional hint, error and live feedback, wired up with
 * aria-describedby and aria-invalid so all of it is read with the field. The markup matches the
 * edge pages' fields, so the shared stylesheet styles both.
 */
import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from "react";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: string;
  error?: string | null;
  hint?: ReactNode;
  /** Shown after the input and read with it, for live feedback as the person types. */
  feedback?: ReactNode;
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, error, hint, feedback, ...input },
  ref,
) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const feedbackId = `${id}-feedback`;
  const describedBy =
    [hint ? hintId : null, error ? errorId : null, feedback ? feedbackId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div id={hintId} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="error">
          {error}
        </p>
      ) : null}
      <input ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {feedback ? (
        <div id={feedbackId} className="live-feedback" aria-live="polite">
          {feedback}
        </div>
      ) : null}
    </div>
  );
});
