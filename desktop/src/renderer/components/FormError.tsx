/**
 * The one place a form's error sentence appears. The live region is always in the page, so
 * assistive technology announces a message the moment it is filled in.
 */
export function FormError({ message }: { message: string | null }) {
  return (
    <div className={message ? "error-summary" : "error-summary error-summary-empty"} role="alert" aria-live="assertive">
      {message}
    </div>
  );
}
