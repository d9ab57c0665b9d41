/**
 * Whether the server lets a new password be set: the shared policy first (shared/password-policy.ts,
 * the rules the pages and the app show live), then the breached-password check. Every place that
 * sets a password asks here once: a sign-up, a reset confirmed by link or code through the API or
 * the web form, and a change of password.
 *
 * @example
 * const problem = await findNewPasswordProblem(env, password, account.email); // a Message, or null
 */
import { message, type Message } from "../../../shared/i18n/translator.ts";
import { describePasswordProblem } from "../../../shared/password-policy.ts";
import { readConfig } from "../config.ts";
import { checkBreachedPassword } from "./breached-passwords.ts";

/** The sentence that says why `password` cannot be set for `email`, or null when it can. */
export async function findNewPasswordProblem(env: Env, password: string, email: string): Promise<Message | null> {
  const problem = describePasswordProblem(password, { minLength: readConfig(env).passwordMinLength, email });
  if (problem) return problem;
  return (await checkBreachedPassword(env, password)) === "breached" ? message("passwordPolicy.breached") : null;
}
