/**
 * One JSON operation of the document, from a small description: its request schema (the one the
 * route validates with), its success body, and the failures its handler can answer. The failures
 * every such operation shares are added here, once: a JSON body's 400, 413 and 415, a bearer
 * token's 401, the 405 for another method and the 503 any request can get.
 *
 * @example
 * describeOperation({ operationId: "verifyReset", tag: "password-resets", rejectsOtherMethods: true, body, success, problems: [TOKEN_INVALID] })
 */
import type { z } from "zod";
import type { oas31, ZodOpenApiContentObject, ZodOpenApiOperationObject, ZodOpenApiParameters, ZodOpenApiResponseObject } from "zod-openapi";
import { JSON_BODY_PROBLEMS, mergeAnswers, METHOD_NOT_ALLOWED, problemResponse, SESSION_REQUIRED, UNAVAILABLE, type ProblemAnswer } from "./answers.ts";

export const TAGS = {
  accounts: "accounts",
  sessions: "sessions",
  passwordResets: "password-resets",
  reference: "reference",
  operator: "operator",
  development: "development",
} as const;
export type Tag = (typeof TAGS)[keyof typeof TAGS];

export type Examples = Record<string, oas31.ExampleObject>;

export interface OperationDescription {
  operationId: string;
  tag: Tag;
  summary: string;
  description: string;
  /** Who may call it: anyone, a signed-in person (a session token), or an operator (ADMIN_API_TOKEN). */
  auth?: "session" | "operator";
  /** The path answers other methods with 405; the development paths do not (another method is their 404). */
  rejectsOtherMethods?: boolean;
  body?: { schema: z.ZodType; examples: Examples; description?: string };
  params?: ZodOpenApiParameters;
  success: {
    status: number;
    description: string;
    schema?: z.ZodType;
    examples?: Examples;
    /** Content that is not JSON (an HTML page). */
    content?: ZodOpenApiContentObject;
    headers?: Record<string, oas31.HeaderObject>;
  };
  /** The handler's own failures; the shared ones are added. */
  problems?: readonly ProblemAnswer[];
  /** Answers that are not problem+json (an HTML 404, a 304). */
  otherResponses?: Record<string, ZodOpenApiResponseObject>;
}

/** Builds the operation object, its shared failures included. */
export function describeOperation(operation: OperationDescription): ZodOpenApiOperationObject {
  const problems = [
    ...(operation.problems ?? []),
    ...(operation.body ? JSON_BODY_PROBLEMS : []),
    ...(operation.auth === "session" ? [SESSION_REQUIRED] : []),
    ...(operation.rejectsOtherMethods ? [METHOD_NOT_ALLOWED] : []),
    UNAVAILABLE,
  ];
  const { success } = operation;
  const responses: Record<string, ZodOpenApiResponseObject | oas31.ReferenceObject> = {
    [success.status]: {
      description: success.description,
      ...(success.headers ? { headers: success.headers } : {}),
      ...(success.schema ? { content: { "application/json": { schema: success.schema, examples: success.examples } } } : {}),
      ...(success.content ? { content: success.content } : {}),
    },
    ...operation.otherResponses,
  };
  for (const answer of mergeAnswers(problems)) {
    responses[answer.status] = answer.id ? { $ref: `#/components/responses/${answer.id}` } : problemResponse(answer);
  }

  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: operation.description,
    security: operation.auth === "session" ? [{ session: [] }] : operation.auth === "operator" ? [{ operatorToken: [] }] : [],
    parameters: [{ $ref: "#/components/parameters/Accept-Language" }],
    ...(operation.params ? { requestParams: operation.params } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            description: operation.body.description,
            content: { "application/json": { schema: operation.body.schema, examples: operation.body.examples } },
          },
        }
      : {}),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** A 43-character base64url token, as every link, code exchange and sign-in hands out. */
export const EXAMPLE_TOKEN = "Jm8x2qS0c5VhQ7tLr4WnKb9YpZ1aEdGf3uOiXy6s-_k";
export const EXAMPLE_DEVICE_TOKEN = "q3Zr7KbT1xNc9WvHs2LmPa5YdE8gFu0oJi4kQ6tRw-A";
export const EXAMPLE_INSTANT = "2026-12-04T14:05:00.000Z";
export const EXAMPLE_ACCOUNT_ID = "3f8e2c1a-7b4d-4e9f-a6c5-0d2b9e8f7a61";
