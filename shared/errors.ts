/**
 * Stable machine-readable error codes. They travel in the `code` member of every
 * problem+json body, so clients branch on them instead of on English titles.
 */
export const ErrorCode = {
  validationFailed: "validation_failed",
  malformedJson: "malformed_json",
  unsupportedMediaType: "unsupported_media_type",
  payloadTooLarge: "payload_too_large",
  notFound: "not_found",
  methodNotAllowed: "method_not_allowed",
  passwordPolicy: "password_policy",
  invalidCredentials: "invalid_credentials",
  /** 409, development only: `POST /dev/accounts` for an address that has an account. */
  emailTaken: "email_taken",
  unauthorized: "unauthorized",
  rateLimited: "rate_limited",
  tokenInvalid: "token_invalid",
  codeInvalid: "code_invalid",
  internal: "internal_error",
  /** 503: storage or the Worker's configuration failed; retry after `Retry-After` seconds. */
  unavailable: "unavailable",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The RFC 9457 body every JSON error carries. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  errors?: Record<string, string>;
}

/** Returns true when `value` has the shape of a ResetKit problem body. */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Problem>;
  return (
    typeof candidate.type === "string" &&
    typeof candidate.title === "string" &&
    typeof candidate.status === "number" &&
    typeof candidate.code === "string"
  );
}
