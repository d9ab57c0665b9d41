/**
 * Stable machine-readable error codes. They travel in the `code` member of every
 * problem+json body, so clients branch on them instead of on English titles.
 */
import { z } from "zod";

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
  /** 409, operator API: only a delivery that failed can be sent again. */
  deliveryNotFailed: "delivery_not_failed",
  internal: "internal_error",
  /** 503: storage or the Worker's configuration failed; retry after `Retry-After` seconds. */
  unavailable: "unavailable",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Every code, for the problem schema's enum. */
export const ERROR_CODES = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

/**
 * The RFC 9457 body every JSON error carries. The OpenAPI document (worker/src/openapi/) describes
 * every error answer with this schema, so the document's enum of codes is this table.
 */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: "A URI naming the kind of problem: `https://resetkit.dev/problems/` and the code with hyphens." }),
    title: z.string().meta({ description: "The status in words, in the language of `Content-Language`." }),
    status: z.number().int().meta({ description: "The HTTP status, repeated." }),
    detail: z.string().optional().meta({ description: "What happened and what to do, for people, in the language of `Content-Language`." }),
    code: z.enum(ERROR_CODES).meta({ description: "What went wrong, for programs: stable, never translated. Branch on this." }),
    errors: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: "One sentence per request field that was refused, keyed by the field's name (`body` for the body as a whole)." }),
  })
  .meta({ id: "Problem", description: "An RFC 9457 problem (`application/problem+json`)." });

export type Problem = z.infer<typeof problemSchema>;

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
