/**
 * Live feedback on a new password (see shared/password-feedback.ts), as a list in the field's
 * live region. The web page's script writes the same markup without React.
 */
import { useI18n } from "../i18n/react.tsx";
import type { PasswordFeedback as Feedback } from "../password-feedback.ts";

/** The feedback list; nothing while the password is empty. */
export function PasswordFeedback({ feedback }: { feedback: Feedback }) {
  const { t } = useI18n();
  if (feedback.messages.length === 0) return null;
  return (
    <ul className={feedback.acceptable ? "policy-feedback policy-ok" : "policy-feedback policy-problems"}>
      {feedback.messages.map((message) => (
        <li key={message.key}>{t(message)}</li>
      ))}
    </ul>
  );
}
