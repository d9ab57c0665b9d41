/**
 * The region screen readers announce when a form cannot go on: a list of what to fix, or one
 * sentence about what went wrong. It is always in the page, empty when all is well, so a message
 * is announced the moment it appears (web pages after a submit, desktop screens after a reply).
 */
import { useI18n } from "../i18n/react.tsx";

export interface ErrorSummaryProps {
  /** Sentences already in the page's language. */
  messages: readonly string[];
  /** "Please fix this first" above the list; off for errors that are not the person's to fix. */
  withTitle?: boolean;
}

/** The error summary of a form. */
export function ErrorSummary({ messages, withTitle = true }: ErrorSummaryProps) {
  const { t } = useI18n();
  return (
    <div className={messages.length > 0 ? "error-summary" : "error-summary error-summary-empty"} role="alert" aria-live="assertive">
      {messages.length > 0 && withTitle ? <h2>{t("formError.summaryTitle", { count: messages.length })}</h2> : null}
      {messages.length > 1 || (withTitle && messages.length === 1) ? (
        <ul>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : (
        messages[0]
      )}
    </div>
  );
}
