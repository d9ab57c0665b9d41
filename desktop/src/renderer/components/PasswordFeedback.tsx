/**
 * Live feedback on a new password, from the same policy the Worker enforces (shared/). It lists
 * what is still wrong as the person types, and says so once the password passes.
 */
import type { PasswordViolation } from "../../../../shared/password-policy.ts";

export function PasswordFeedback({ password, violations }: { password: string; violations: PasswordViolation[] }) {
  if (password === "") return null;
  if (violations.length === 0) {
    return <span className="policy-ok">This password meets the requirements.</span>;
  }
  return (
    <ul className="policy-problems">
      {violations.map((violation) => (
        <li key={violation.rule}>{violation.message}</li>
      ))}
    </ul>
  );
}
