/**
 * The one place that turns failures into RFC 9457 problem+json responses. Handlers throw a
 * `ProblemError`; the router's catch calls `problemResponse`. Anything else is a failure of ours
 * or of storage, never the caller's fault: it is logged once and answered with 503
 * `unavailable` and `Retry-After`, without a message or a stack trace.
 *
 * @example
 * throw new ProblemError(410, ErrorCode.tokenInvalid, "This reset link is invalid or has expired.");
 */
import { ErrorCode, type Problem } from "../../../shared/errors.ts";
import { logRequestFailure } from "./failure-log.ts";

/** How long a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 30;

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export class ProblemError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly errors: Record<string, string> | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: ErrorCode,
    detail?: string,
    options: { errors?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? code);
    this.name = "ProblemError";
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

/** Builds the problem body for a status and code. */
export function buildProblem(
  status: number,
  code: ErrorCode,
  detail?: string,
  errors?: Record<string, string>,
): Problem {
  const problem: Problem = {
    type: `https://resetkit.dev/problems/${code.replaceAll("_", "-")}`,
    title: TITLES[status] ?? "Error",
    status,
    code,
  };
  if (detail !== undefined) problem.detail = detail;
  if (errors !== undefined) problem.errors = errors;
  return problem;
}

/** Serialises a problem as an `application/problem+json` response. */
export function problemResponse(
  status: number,
  code: ErrorCode,
  detail?: string,
  options: { errors?: Record<string, string>; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(buildProblem(status, code, detail, options.errors)), {
    status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      ...options.headers,
    },
  });
}

/** The 503 every unexpected failure gets: try again shortly; nothing about what broke. */
export function unavailableProblemResponse(): Response {
  return problemResponse(503, ErrorCode.unavailable, "The service is temporarily unavailable. Please try again in a moment.", {
    headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
  });
}

/**
 * Converts anything thrown by a JSON handler into a problem response; never leaks internals.
 * The router passes the request, so an unexpected failure is logged with its route.
 */
export function toProblemResponse(error: unknown, request?: Request): Response {
  if (error instanceof ProblemError) {
    return problemResponse(error.status, error.code, error.detail, { errors: error.errors, headers: error.headers });
  }
  logRequestFailure(request, error);
  return unavailableProblemResponse();
}
