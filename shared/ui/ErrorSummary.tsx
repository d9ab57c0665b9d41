/**
 * The region screen readers announce when a form cannot go on. It is always in the page, empty
 * when all is well, so a message is announced the moment it appears (web pages after a submit,
 * desktop screens after a reply).
 *
 * Each sentence is shown once. A sentence about one field stands next to that field
 * (shared/ui/Field.tsx); the summary names the field by its label, as a link that moves focus
 * to it. A sentence about the whole form ("Too many attempts…") belongs to no field, so it
 * stands here, in full. On the web the links are plain fragment links, which browsers follow by
 * focusing the input even without JavaScript; in the desktop app the click handler focuses it
 * without touching the window's URL.
 *
 * @example
 * <ErrorSummary fields={[{ id: "email", label: t("signUp.emailLabel") }]} />
 * <ErrorSummary messages={[t("wait.minutes", { minutes: 5 })]} />
 */
import type { MouseEvent } from "react";
import { useI18n } from "../i18n/react.tsx";

/** A field that has its own error sentence: the summary links to it by its label. */
export interface InvalidField {
  /** The input's id, the link's fragment. */
  id: string;
  label: string;
}

export interface ErrorSummaryProps {
  /** Sentences about the whole form, already in the page's language. */
  messages?: readonly string[];
  /** The fields to fix, in the order they appear in the form. */
  fields?: readonly InvalidField[];
  /** The level of the "Please fix this first" heading: one below the heading of the section the form is in. */
  headingLevel?: 2 | 3;
}

/** The error summary of a form. */
export function ErrorSummary({ messages = [], fields = [], headingLevel = 2 }: ErrorSummaryProps) {
  const { t } = useI18n();
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const empty = messages.length === 0 && fields.length === 0;
  return (
    <div className={empty ? "error-summary error-summary-empty" : "error-summary"} role="alert" aria-live="assertive">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
      {fields.length > 0 ? (
        <>
          <Heading>{t("formError.summaryTitle", { count: fields.length })}</Heading>
          <ul>
            {fields.map(({ id, label }) => (
              <li key={id}>
                <a href={`#${id}`} onClick={(event) => focusField(event, id)}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** Moves focus to the linked field; the browser scrolls it into view (styles.css keeps its label in sight). */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.focus();
}
