/**
 * Turns what the Worker answered into sentences a person can act on. The Worker's problem+json
 * titles are written for developers; the app branches on the stable `code` instead, and falls
 * back to the server's `detail` only for codes it does not know yet.
 */
import { AccountCopy, INVALID_CREDENTIALS_MESSAGE, ResetCodeCopy, VerifyEmailCopy } from "../../../shared/copy.ts";
import { ErrorCode, isProblem, type Problem } from "../../../shared/errors.ts";
import type { ApiFailure } from "../ipc/api-result.ts";

/** Sentences one endpoint gives a code in place of the usual ones. */
export type ProblemSentences = Partial<Record<ErrorCode, string>>;

/**
 * Email verification reuses two codes whose usual sentences would mislead there: its 410 is
 * about the confirmation link, not a reset link, and its 401 means the password is not the one
 * chosen at sign-up; "the email address or password is incorrect" would send people to check an
 * address they never typed.
 */
export const VERIFY_EMAIL_SENTENCES: ProblemSentences = {
  [ErrorCode.tokenInvalid]: "This confirmation link is invalid or has expired. Sign up again to get a new one.",
  [ErrorCode.invalidCredentials]: VerifyEmailCopy.wrongPassword,
};

/** A change of password answers 401 for a wrong current password: about that field, not the address. */
export const CHANGE_PASSWORD_SENTENCES: ProblemSentences = {
  [ErrorCode.invalidCredentials]: AccountCopy.currentPasswordWrong,
};

/**
 * Describes a non-2xx answer; `body` is whatever JSON the server sent, or undefined. `sentences`
 * are the answering endpoint's own words for some codes.
 */
export function describeErrorResponse(
  status: number,
  body: unknown,
  retryAfterSeconds?: number,
  sentences: ProblemSentences = {},
): ApiFailure {
  if (!isProblem(body)) {
    return {
      status,
      code: "unexpected_response",
      message: `The ResetKit server answered unexpectedly (HTTP ${status}). Try again in a moment.`,
    };
  }
  const message = sentences[body.code] ?? describeProblem(body, retryAfterSeconds);
  const failure: ApiFailure = { status, code: body.code, message };
  const fieldErrors = readFieldErrors(body);
  if (fieldErrors) failure.fieldErrors = fieldErrors;
  if (retryAfterSeconds !== undefined) failure.retryAfterSeconds = retryAfterSeconds;
  return failure;
}

/** The sentence for one problem body. */
export function describeProblem(problem: Problem, retryAfterSeconds?: number): string {
  switch (problem.code) {
    case ErrorCode.tokenInvalid:
      return "This reset link is invalid or has expired. Request a new one.";
    case ErrorCode.codeInvalid:
      return ResetCodeCopy.refused(1);
    case ErrorCode.invalidCredentials:
      return INVALID_CREDENTIALS_MESSAGE;
    case ErrorCode.unauthorized:
      return "Your session has ended. Sign in again.";
    case ErrorCode.rateLimited:
      return describeRateLimit(retryAfterSeconds);
    case ErrorCode.passwordPolicy:
    case ErrorCode.validationFailed:
      return firstFieldError(problem) ?? asSentence(problem.detail) ?? "Check the highlighted fields and try again.";
    case ErrorCode.internal:
      return "Something went wrong on the ResetKit server. Try again in a moment.";
    default:
      return asSentence(problem.detail) ?? asSentence(problem.title) ?? "The request failed. Try again.";
  }
}

/** The sentence for a failed connection to `baseUrl`. */
export function describeNetworkFailure(baseUrl: string, timedOut: boolean): ApiFailure {
  return timedOut
    ? { status: 0, code: "timeout", message: `The ResetKit server at ${baseUrl} took too long to answer. Try again.` }
    : {
        status: 0,
        code: "network_error",
        message: `Can't reach the ResetKit server at ${baseUrl}. Check your connection and try again.`,
      };
}

function describeRateLimit(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined || retryAfterSeconds <= 0) return "Too many attempts. Wait a little and try again.";
  if (retryAfterSeconds < 60) {
    return `Too many attempts. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`;
  }
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

function readFieldErrors(problem: Problem): Record<string, string> | undefined {
  if (typeof problem.errors !== "object" || problem.errors === null) return undefined;
  const entries = Object.entries(problem.errors).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function firstFieldError(problem: Problem): string | undefined {
  const fieldErrors = readFieldErrors(problem);
  return fieldErrors ? asSentence(Object.values(fieldErrors)[0]) : undefined;
}

/** Server text is shown only when it reads like a sentence: a short single line. */
function asSentence(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed || trimmed.length > 300 || /[\r\n{}]/.test(trimmed)) return undefined;
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
