/**
 * The one check of a new password typed twice, as the web's reset and sign-up forms and the
 * desktop app's Reset password and Create account screens all ask for it: the first field must
 * pass the shared policy, the second must repeat it. Each form says in its own words what an
 * empty field lacks; the policy's and the mismatch's sentences are the same everywhere.
 *
 * @example
 * checkNewPassword("hunter2", "hunter3", { minLength: 12 }, RESET_PASSWORD_WORDS);
 * // { password: { key: "passwordPolicy.tooShort", values: { min: 12 } }, confirmPassword: { key: "resetPassword.mismatch" } }
 */
import { message, type Message, type MessageKey } from "./i18n/translator.ts";
import { checkPassword, type PasswordPolicyOptions } from "./password-policy.ts";

/** What a form says when one of the two fields is left empty. */
export interface NewPasswordWords {
  missingPassword: MessageKey;
  missingConfirmation: MessageKey;
}

/** The words of the reset forms, on the web and in the app. */
export const RESET_PASSWORD_WORDS: NewPasswordWords = {
  missingPassword: "resetPassword.missingPassword",
  missingConfirmation: "resetPassword.missingConfirmation",
};

/** A sentence for each field that is not right yet; an empty object when both are. */
export interface NewPasswordProblems {
  password?: Message;
  confirmPassword?: Message;
}

/** Checks a new password and its confirmation. */
export function checkNewPassword(
  password: string,
  confirmation: string,
  policy: PasswordPolicyOptions,
  words: NewPasswordWords,
): NewPasswordProblems {
  const problems: NewPasswordProblems = {};
  if (!password) problems.password = message(words.missingPassword);
  else {
    const violation = checkPassword(password, policy)[0];
    if (violation) problems.password = violation.message;
  }
  if (!confirmation) problems.confirmPassword = message(words.missingConfirmation);
  else if (password && confirmation !== password) problems.confirmPassword = message("resetPassword.mismatch");
  return problems;
}
