/**
 * The one place a screen's error sentence appears: the shared error summary (the web pages'
 * one) holding a single message that is not about one field. It is always in the page, so
 * assistive technology announces a message the moment it is filled in.
 */
import { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";

export function FormError({ message }: { message: string | null }) {
  return <ErrorSummary messages={message ? [message] : []} withTitle={false} />;
}
