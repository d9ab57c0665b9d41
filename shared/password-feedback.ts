/**
 * What to tell someone about a new password while they type it, from the one shared policy. The
 * desktop screen renders it with React; the web page's script (worker/browser/password-feedback.ts,
 * bundled into worker/public) writes the same sentences into the same live regions. The server
 * still checks everything on submit.
 */
import { message, type Message } from "./i18n/translator.ts";
import { checkPassword, type PasswordPolicyOptions } from "./password-policy.ts";

/**
 * The id of the web page's JSON block that carries these sentences in the page's language, keyed
 * like the catalogue (written by the Worker's page frame, read by the page script).
 */
export const POLICY_WORDS_ID = "password-policy-words";

export interface PasswordFeedback {
  /** True once the password passes every rule. */
  acceptable: boolean;
  /** Sentences to show, in order; empty while nothing is typed. */
  messages: Message[];
}

/** Feedback on the new password: every rule it still breaks, or that it passes. */
export function describePasswordFeedback(password: string, options: PasswordPolicyOptions = {}): PasswordFeedback {
  if (password === "") return { acceptable: false, messages: [] };
  const violations = checkPassword(password, options);
  if (violations.length === 0) return { acceptable: true, messages: [message("passwordPolicy.accepted")] };
  return { acceptable: false, messages: violations.map((violation) => violation.message) };
}

/** The mismatch message once something is typed in the confirmation, or null. */
export function describeConfirmationProblem(password: string, confirmation: string): Message | null {
  return confirmation !== "" && confirmation !== password ? message("resetPassword.mismatch") : null;
}
