/**
 * Whether the server lets a new password be set: the shared policy first (shared/password-policy.ts,
 * the rules the pages and the app show live), then the breached-password check. Every place that
 * sets a password asks here once: a sign-up, a reset confirmed by link or code through the API or
 * the web form, and a change of password.
 *
 * @example
 * const problem = await findNewPasswordProblem(env, password, account.email); // a sentence, or null
 */
import { describePasswordProblem } from "../../../shared/password-policy.ts";
import { readConfig } from "../config.ts";
import { checkBreachedPassword } from "./breached-passwords.ts";

/** What a person reads when their new password is in a known breach. */
export const BREACHED_PASSWORD_MESSAGE =
  "This password has appeared in a data breach, so attackers try it early. Choose a different one.";

/** The sentence that says why `password` cannot be set for `email`, or null when it can. */
export async function findNewPasswordProblem(env: Env, password: string, email: string): Promise<string | null> {
  const problem = describePasswordProblem(password, { minLength: readConfig(env).passwordMinLength, email });
  if (problem) return problem;
  return (await checkBreachedPassword(env, password)) === "breached" ? BREACHED_PASSWORD_MESSAGE : null;
}
