/**
 * A labelled input with its hint, error and live feedback, tied together with aria-describedby
 * and aria-invalid so all of it is read with the field. The web pages render it on the server
 * (uncontrolled, `defaultValue`) and the desktop screens in the browser (controlled, with a ref);
 * it holds no state of its own, so both work the same. Styled by worker/public/styles.css.
 */
import type { InputHTMLAttributes, ReactNode, Ref } from "react";

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  /** The input's id; hint, error and feedback ids are derived from it. */
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | null | undefined;
  /** The live region after the input; rendered (empty) whenever this prop is given. */
  feedback?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/** One form field. */
export function Field({ id, label, hint, error, feedback, ref, ...input }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const feedbackId = `${id}-feedback`;
  const hasFeedback = feedback !== undefined;
  const describedBy = [hint ? hintId : null, error ? errorId : null, hasFeedback ? feedbackId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
      <input ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hasFeedback ? (
        <div className="live-feedback" id={feedbackId} aria-live="polite">
          {feedback}
        </div>
      ) : null}
    </div>
  );
}
