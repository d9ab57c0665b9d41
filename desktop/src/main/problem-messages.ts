/**
 * Turns what the Worker answered into sentences a person can act on, in the app's language. The
 * app branches on the stable `code` and says its own catalogue sentence for each code it knows;
 * for the rest, and for field errors, it shows the Worker's `detail` and `errors`, which the
 * Worker wrote in the language the app asked for (`Accept-Language`).
 */
import { ErrorCode, isProblem, type Problem } from "../../../shared/errors.ts";
import type { MessageKey, Translator } from "../../../shared/i18n/translator.ts";
import { RESET_CODE_GUESS_BUDGET } from "../../../shared/reset-code.ts";
import { APP_NAME } from "../app-name.ts";
import type { ApiFailure } from "../ipc/api-result.ts";

/** Sentences one endpoint gives a code in place of the usual ones. */
export type ProblemSentences = Partial<Record<ErrorCode, MessageKey>>;

/**
 * Email verification reuses two codes whose usual sentences would mislead there: its 410 is
 * about the confirmation link, not a reset link, and its 401 means the password is not the one
 * chosen at sign-up; "the email address or password is incorrect" would send people to check an
 * address they never typed.
 */
export const VERIFY_EMAIL_SENTENCES: ProblemSentences = {
  [ErrorCode.tokenInvalid]: "problem.verificationLinkInvalid",
  [ErrorCode.invalidCredentials]: "verifyEmail.wrongPassword",
};

/** A change of password answers 401 for a wrong current password: about that field, not the address. */
export const CHANGE_PASSWORD_SENTENCES: ProblemSentences = {
  [ErrorCode.invalidCredentials]: "account.currentPasswordWrong",
};

/**
 * Describes a non-2xx answer; `body` is whatever JSON the server sent, or undefined. `sentences`
 * are the answering endpoint's own words for some codes.
 */
export function describeErrorResponse(
  words: Translator,
  status: number,
  body: unknown,
  retryAfterSeconds?: number,
  sentences: ProblemSentences = {},
): ApiFailure {
  if (!isProblem(body)) {
    return { status, code: "unexpected_response", message: words.t("app.error.unexpectedResponse", { appName: APP_NAME, status }) };
  }
  const own = sentences[body.code];
  const message = own ? words.t(own) : describeProblem(words, body, retryAfterSeconds);
  const failure: ApiFailure = { status, code: body.code, message };
  const fieldErrors = readFieldErrors(body);
  if (fieldErrors) failure.fieldErrors = fieldErrors;
  if (retryAfterSeconds !== undefined) failure.retryAfterSeconds = retryAfterSeconds;
  return failure;
}

/** The sentence for one problem body. */
export function describeProblem(words: Translator, problem: Problem, retryAfterSeconds?: number): string {
  switch (problem.code) {
    case ErrorCode.tokenInvalid:
      return words.t("problem.resetLinkInvalid");
    case ErrorCode.codeInvalid:
      return words.t("resetCode.refused", { budget: RESET_CODE_GUESS_BUDGET });
    case ErrorCode.invalidCredentials:
      return words.t("signIn.invalidCredentials");
    case ErrorCode.unauthorized:
      return words.t("app.error.sessionEnded");
    case ErrorCode.rateLimited:
      return describeRateLimit(words, retryAfterSeconds);
    case ErrorCode.passwordPolicy:
    case ErrorCode.validationFailed:
      return firstFieldError(problem) ?? asSentence(problem.detail) ?? words.t("app.error.checkFields");
    case ErrorCode.internal:
      return words.t("app.error.serverFailed", { appName: APP_NAME });
    default:
      return asSentence(problem.detail) ?? asSentence(problem.title) ?? words.t("app.error.requestFailed");
  }
}

/** The sentence for a failed connection to `baseUrl`. */
export function describeNetworkFailure(words: Translator, baseUrl: string, timedOut: boolean): ApiFailure {
  const values = { appName: APP_NAME, url: words.isolate(baseUrl) };
  return timedOut
    ? { status: 0, code: "timeout", message: words.t("app.error.timeout", values) }
    : { status: 0, code: "network_error", message: words.t("app.error.unreachable", values) };
}

function describeRateLimit(words: Translator, retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined || retryAfterSeconds <= 0) return words.t("wait.unknown");
  if (retryAfterSeconds < 60) return words.t("wait.seconds", { seconds: retryAfterSeconds });
  return words.t("wait.minutes", { minutes: Math.ceil(retryAfterSeconds / 60) });
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

/**
 * Server text is shown only when it reads like a sentence: a short single line. One without a
 * full stop gets one, unless it already ends a sentence in its own script ("。", "؟").
 */
function asSentence(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed || trimmed.length > 300 || /[\r\n{}]/.test(trimmed)) return undefined;
  return /\p{Sentence_Terminal}$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}
