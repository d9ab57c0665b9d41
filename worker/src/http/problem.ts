/**
 * The one place that turns failures into RFC 9457 problem+json responses. Handlers throw a
 * `ProblemError`; the router's catch calls `toProblemResponse`. Anything else is a failure of
 * ours or of storage, never the caller's fault: it is logged once and answered with 503
 * `unavailable` and `Retry-After`, without a message or a stack trace.
 *
 * A problem is decided before anyone knows the language: `detail` and each field error are
 * catalogue messages, put into words here, in the request's `Accept-Language`
 * (i18n/request-locale.ts), with `Content-Language` saying which. `code` never changes.
 *
 * @example
 * throw new ProblemError(410, ErrorCode.tokenInvalid, message("problem.resetLinkInvalid"));
 */
import { ErrorCode, type Problem } from "../../../shared/errors.ts";
import type { Locale } from "../../../shared/i18n/locales.ts";
import { translatorFor, type Message, type MessageKey } from "../../../shared/i18n/translator.ts";
import { readApiLocale } from "../i18n/request-locale.ts";
import { logRequestFailure } from "./failure-log.ts";

/** How long a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 30;

/** The statuses with a title of their own; any other is "Error". */
const TITLED_STATUSES = new Set([400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 429, 500, 503]);

export interface ProblemOptions {
  errors?: Record<string, Message>;
  headers?: Record<string, string>;
}

export class ProblemError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail: Message | undefined;
  readonly errors: Record<string, Message> | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ErrorCode, detail?: Message, options: ProblemOptions = {}) {
    super(detail?.key ?? code);
    this.name = "ProblemError";
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

/** Builds the problem body for a status and code, in `locale`. */
export function buildProblem(locale: Locale, status: number, code: ErrorCode, detail?: Message, errors?: Record<string, Message>): Problem {
  const { t } = translatorFor(locale);
  const titleKey = (TITLED_STATUSES.has(status) ? `problem.title.${status}` : "problem.title.other") as MessageKey;
  const problem: Problem = {
    type: `https://resetkit.dev/problems/${code.replaceAll("_", "-")}`,
    title: t(titleKey),
    status,
    code,
  };
  if (detail !== undefined) problem.detail = t(detail);
  if (errors !== undefined) problem.errors = Object.fromEntries(Object.entries(errors).map(([field, error]) => [field, t(error)]));
  return problem;
}

/** Serialises a problem as an `application/problem+json` response in the request's language. */
export function problemResponse(request: Request, env: Env, status: number, code: ErrorCode, detail?: Message, options: ProblemOptions = {}): Response {
  const { locale } = readApiLocale(request, env);
  return new Response(JSON.stringify(buildProblem(locale, status, code, detail, options.errors)), {
    status,
    headers: {
      "content-type": "application/problem+json",
      "content-language": locale,
      vary: "Accept-Language",
      "cache-control": "no-store",
      ...options.headers,
    },
  });
}

/** The 503 every unexpected failure gets: try again shortly; nothing about what broke. */
export function unavailableProblemResponse(request: Request, env: Env): Response {
  return problemResponse(request, env, 503, ErrorCode.unavailable, { key: "problem.unavailable" }, {
    headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
  });
}

/**
 * Converts anything thrown by a JSON handler into a problem response; never leaks internals.
 * The router passes the request, so an unexpected failure is logged with its route.
 */
export function toProblemResponse(error: unknown, request: Request, env: Env): Response {
  if (error instanceof ProblemError) {
    return problemResponse(request, env, error.status, error.code, error.detail, { errors: error.errors, headers: error.headers });
  }
  logRequestFailure(request, error);
  return unavailableProblemResponse(request, env);
}
