/**
 * A screen's error sentence that is not about a form's field: the shared error summary (the web
 * pages' one) holding that one message. It is always in the page, so assistive technology
 * announces a message the moment it is filled in. A form with fields uses ErrorSummary itself,
 * so its field links and this sentence share one region.
 */
import { ErrorSummary } from "../../../../shared/ui/ErrorSummary.tsx";

export function FormError({ message }: { message: string | null }) {
  return <ErrorSummary messages={message ? [message] : []} />;
}
