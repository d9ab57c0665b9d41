/**
 * The answers the OpenAPI document repeats: every problem+json response, built from the same
 * `buildProblem` the Worker answers with, so each example is a body the Worker really sends; the
 * headers that go with them; and the answers every JSON body or every bearer token brings along.
 *
 * A problem answer narrows the shared `Problem` schema to its status and the codes it can carry,
 * so the contract tests refuse a 410 that says `rate_limited` as firmly as a missing field.
 *
 * @example
 * responses: { ...problemResponses([TOKEN_INVALID, ...JSON_BODY_PROBLEMS, UNAVAILABLE]) }
 */
import type { oas31 } from "zod-openapi";
import { MAX_BODY_BYTES } from "../../../shared/contract.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import { LOCALES, PSEUDO_LOCALE } from "../../../shared/i18n/locales.ts";
import { message, type Message } from "../../../shared/i18n/translator.ts";
import { buildProblem, RETRY_AFTER_SECONDS } from "../http/problem.ts";

export type HeaderName = "Retry-After" | "Allow" | "WWW-Authenticate";

/** One way an operation fails: a status, what it means there, and one example per code. */
export interface ProblemAnswer {
  /** The name of the shared response in `components.responses`, for an answer many operations give alike. */
  id?: string;
  status: number;
  description: string;
  examples: ProblemExample[];
  headers?: readonly HeaderName[];
  /** Headers sent with only some of the examples' codes (a 401 `unauthorized` names its scheme, `invalid_credentials` does not). */
  optionalHeaders?: readonly HeaderName[];
  /** The body may carry any code: the status is fixed, the reason is the operation's own. */
  anyCode?: boolean;
}

export interface ProblemExample {
  code: ErrorCode;
  detail: Message;
  errors?: Record<string, Message>;
  summary: string;
}

/** The response headers, as components. */
export const HEADERS: Record<HeaderName | "Content-Language", oas31.HeaderObject> = {
  "Content-Language": {
    description: `The language \`title\`, \`detail\` and \`errors\` are written in: the best match for \`Accept-Language\`, else the Worker's DEFAULT_LOCALE. ${PSEUDO_LOCALE} is the pseudo-locale, for testing translations; it answers only when named first.`,
    required: true,
    schema: { type: "string", enum: [...LOCALES, PSEUDO_LOCALE] },
  },
  "Retry-After": {
    description: "Seconds to wait before trying again.",
    required: true,
    schema: { type: "string", pattern: "^[0-9]+$" },
    example: String(RETRY_AFTER_SECONDS),
  },
  Allow: {
    description: "The methods this path takes.",
    required: true,
    schema: { type: "string" },
    example: "POST",
  },
  "WWW-Authenticate": {
    description: "The scheme to authenticate with (RFC 6750).",
    required: true,
    schema: { type: "string" },
    example: 'Bearer realm="ResetKit"',
  },
};

/** Every request takes this header; it picks the language of problem bodies (and of emails a request causes). */
export const ACCEPT_LANGUAGE_PARAMETER: oas31.ParameterObject = {
  name: "Accept-Language",
  in: "header",
  required: false,
  description: "The languages the caller reads, as browsers send them. Problem bodies answer in the best match, named by `Content-Language`; emails a request causes are in it too.",
  schema: { type: "string" },
  example: "de-CH, de;q=0.9, en;q=0.5",
};

export const VALIDATION_FAILED: ProblemAnswer = {
  status: 400,
  description: "The body is not JSON, or a field is missing or invalid (`errors` names each one).",
  examples: [
    {
      code: ErrorCode.validationFailed,
      summary: "A field is missing or invalid",
      detail: message("problem.validationFailed"),
      errors: { email: message("email.invalid") },
    },
    { code: ErrorCode.malformedJson, summary: "The body is not JSON", detail: message("problem.malformedJson") },
  ],
};

export const PAYLOAD_TOO_LARGE: ProblemAnswer = {
  id: "PayloadTooLarge",
  status: 413,
  description: `The body is larger than ${MAX_BODY_BYTES} bytes (counted as it arrives, whatever Content-Length says).`,
  examples: [{ code: ErrorCode.payloadTooLarge, summary: "Too large", detail: message("problem.payloadTooLarge", { limit: MAX_BODY_BYTES }) }],
};

export const UNSUPPORTED_MEDIA_TYPE: ProblemAnswer = {
  id: "UnsupportedMediaType",
  status: 415,
  description: "The body is not sent as `application/json` (a charset parameter is fine).",
  examples: [{ code: ErrorCode.unsupportedMediaType, summary: "Not JSON", detail: message("problem.unsupportedMediaType") }],
};

/** What every operation with a JSON body can answer before its handler runs. */
export const JSON_BODY_PROBLEMS: readonly ProblemAnswer[] = [VALIDATION_FAILED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE];

export const SESSION_REQUIRED: ProblemAnswer = {
  id: "SessionRequired",
  status: 401,
  description: "No `Authorization: Bearer` session token, or one that has ended (signed out, expired, or ended by a reset or a password change).",
  headers: ["WWW-Authenticate"],
  examples: [{ code: ErrorCode.unauthorized, summary: "No live session", detail: message("problem.unauthorized") }],
};

export function rateLimited(detail: Message, description: string): ProblemAnswer {
  return {
    status: 429,
    description: `${description} \`Retry-After\` says when to try again.`,
    headers: ["Retry-After"],
    examples: [{ code: ErrorCode.rateLimited, summary: "Too many requests", detail }],
  };
}

export const METHOD_NOT_ALLOWED: ProblemAnswer = {
  id: "MethodNotAllowed",
  status: 405,
  description: "This path called with another method (HEAD and OPTIONS included): `Allow` names the ones it takes.",
  headers: ["Allow"],
  examples: [{ code: ErrorCode.methodNotAllowed, summary: "Wrong method", detail: message("problem.methodNotAllowed", { allow: "POST" }) }],
};

export const UNAVAILABLE: ProblemAnswer = {
  id: "Unavailable",
  status: 503,
  description:
    "Storage failed, or the Worker is misconfigured (then every request gets this until the setting is fixed). Nothing about the request was wrong: try again after `Retry-After`. Never reported as a bad token or password.",
  headers: ["Retry-After"],
  examples: [{ code: ErrorCode.unavailable, summary: "Try again shortly", detail: message("problem.unavailable") }],
};

/** The answers kept once in `components.responses` and referred to from each operation. */
export const SHARED_ANSWERS: readonly ProblemAnswer[] = [PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, SESSION_REQUIRED, METHOD_NOT_ALLOWED, UNAVAILABLE];

/** Merges the answers that share a status (a handler's own 400 and the body's 400) into one, which is no longer shared. */
export function mergeAnswers(answers: readonly ProblemAnswer[]): ProblemAnswer[] {
  const byStatus = new Map<number, ProblemAnswer>();
  for (const answer of answers) {
    const seen = byStatus.get(answer.status);
    if (!seen) {
      byStatus.set(answer.status, answer);
      continue;
    }
    const headers = new Set(seen.headers ?? []);
    const incoming = new Set(answer.headers ?? []);
    byStatus.set(answer.status, {
      status: answer.status,
      description: `${seen.description} Or: ${answer.description.charAt(0).toLowerCase()}${answer.description.slice(1)}`,
      examples: [...seen.examples, ...answer.examples],
      headers: [...headers].filter((header) => incoming.has(header)),
      optionalHeaders: [...new Set([...headers, ...incoming, ...(seen.optionalHeaders ?? []), ...(answer.optionalHeaders ?? [])])].filter(
        (header) => !(headers.has(header) && incoming.has(header)),
      ),
      anyCode: seen.anyCode === true || answer.anyCode === true,
    });
  }
  return [...byStatus.values()].sort((a, b) => a.status - b.status);
}

/** The response object of one problem answer, with its examples in English. */
export function problemResponse(answer: ProblemAnswer): oas31.ResponseObject {
  const headers: Record<string, oas31.ReferenceObject | oas31.HeaderObject> = { "Content-Language": { $ref: "#/components/headers/Content-Language" } };
  for (const name of answer.headers ?? []) headers[name] = { $ref: `#/components/headers/${name}` };
  for (const name of answer.optionalHeaders ?? []) {
    headers[name] = { ...HEADERS[name], required: false, description: `${HEADERS[name].description} Sent with some of this status's codes only.` };
  }
  const codes = [...new Set(answer.examples.map((example) => example.code))];
  const narrowed: oas31.SchemaObject = { properties: { status: { const: answer.status } } };
  if (!answer.anyCode) narrowed.properties!.code = { enum: codes };
  const examples: Record<string, oas31.ExampleObject> = {};
  for (const example of answer.examples) {
    const name = examples[example.code] ? `${example.code}_${Object.keys(examples).length + 1}` : example.code;
    examples[name] = { summary: example.summary, value: buildProblem("en", answer.status, example.code, example.detail, example.errors) };
  }
  return {
    description: answer.description,
    headers,
    content: {
      "application/problem+json": {
        schema: { allOf: [{ $ref: "#/components/schemas/Problem" }, narrowed] },
        ...(answer.examples.length > 0 ? { examples } : {}),
      },
    },
  };
}
