/**
 * The one check of a new password typed twice, as the web's reset and sign-up forms and the
 * desktop app's Reset password and Create account screens all ask for it: the first field must
 * pass the shared policy, the second must repeat it. Each form says in its own words what an
 * empty field lacks; the policy's and the mismatch's sentences are the same everywhere.
 *
 * @example
 * checkNewPassword("hunter2", "hunter3", { minLength: 12 }, ResetPasswordCopy);
 * // { password: "Use at least 12 characters.", confirmPassword: "The two passwords don't match." }
 */
import { ResetPasswordCopy } from "./copy.ts";
import { checkPassword, type PasswordPolicyOptions } from "./password-policy.ts";

/** What a form says when one of the two fields is left empty. */
export interface NewPasswordWords {
  missingPassword: string;
  missingConfirmation: string;
}

/** A sentence for each field that is not right yet; an empty object when both are. */
export interface NewPasswordProblems {
  password?: string;
  confirmPassword?: string;
}

/** Checks a new password and its confirmation. */
export function checkNewPassword(
  password: string,
  confirmation: string,
  policy: PasswordPolicyOptions,
  words: NewPasswordWords,
): NewPasswordProblems {
  const problems: NewPasswordProblems = {};
  if (!password) problems.password = words.missingPassword;
  else {
    const violation = checkPassword(password, policy)[0];
    if (violation) problems.password = violation.message;
  }
  if (!confirmation) problems.confirmPassword = words.missingConfirmation;
  else if (password && confirmation !== password) problems.confirmPassword = ResetPasswordCopy.mismatch;
  return problems;
}
