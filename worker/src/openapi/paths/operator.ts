/**
 * The document's operator API, `/api/v1/admin/*` (shared/admin-contract.ts): for the people who
 * answer "the email never came". Every call takes `Authorization: Bearer <ADMIN_API_TOKEN>`;
 * without that secret the routes do not exist and answer the API's 404.
 */
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  accountQuerySchema,
  adminAccountSchema,
  AdminPath,
  deliveriesQuerySchema,
  deliveriesResponseSchema,
  retryResponseSchema,
} from "../../../../shared/admin-contract.ts";
import { ErrorCode } from "../../../../shared/errors.ts";
import { message, type MessageKey } from "../../../../shared/i18n/translator.ts";
import type { ProblemAnswer } from "../answers.ts";
import { describeOperation, EXAMPLE_ACCOUNT_ID, EXAMPLE_INSTANT, TAGS, type OperationDescription } from "../operation.ts";

/** itty-router's `:id` as OpenAPI's `{id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, "{$1}");
}

const OPERATOR_TOKEN_REFUSED: ProblemAnswer = {
  status: 401,
  description: "`unauthorized`: no `Authorization: Bearer` header, or not the ADMIN_API_TOKEN.",
  headers: ["WWW-Authenticate"],
  examples: [{ code: ErrorCode.unauthorized, summary: "Not the operator token", detail: message("problem.operatorOnly") }],
};

const UNCONFIGURED = { code: ErrorCode.notFound, summary: "ADMIN_API_TOKEN is not configured", detail: message("problem.notFound") };

/** The 404 every operator route answers while ADMIN_API_TOKEN is not configured, and some for an unknown id. */
function notFound(what?: { description: string; detail: MessageKey }): ProblemAnswer {
  const unconfigured = "ADMIN_API_TOKEN is not configured (then no operator route exists)";
  return {
    status: 404,
    description: `\`not_found\`: ${what ? `${what.description}, or ${unconfigured}` : unconfigured}.`,
    examples: what ? [{ code: ErrorCode.notFound, summary: "Unknown", detail: message(what.detail) }, UNCONFIGURED] : [UNCONFIGURED],
  };
}

const QUERY_REFUSED: ProblemAnswer = {
  status: 400,
  description: "`validation_failed`: a query parameter is missing or invalid (`errors` names it).",
  examples: [{ code: ErrorCode.validationFailed, summary: "Bad query", detail: message("problem.validationFailed"), errors: { limit: message("field.invalid") } }],
};

function operatorOperation(operation: Omit<OperationDescription, "tag" | "auth">): ReturnType<typeof describeOperation> {
  return describeOperation({ ...operation, tag: TAGS.operator, auth: "operator", problems: [OPERATOR_TOKEN_REFUSED, ...(operation.problems ?? [])] });
}

/** Ids of another shape are answered 404 before any lookup. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const accountId = z.object({ id: z.string().regex(ID).meta({ description: "The account's id (`GET /api/v1/admin/accounts?email=` gives it)." }) });
const deliveryId = z.object({ id: z.string().regex(ID).meta({ description: "The delivery's id, from the deliveries list." }) });
const DELIVERY = {
  id: "5b1f6a2e-8c3d-4e7a-9f10-2a3b4c5d6e7f",
  kind: "password_reset",
  status: "failed",
  to: "ada@example.com",
  attempts: 8,
  lastError: "gave up after 8 attempt(s): HTTP 503",
  createdAt: EXAMPLE_INSTANT,
  updatedAt: EXAMPLE_INSTANT,
};

export const OPERATOR_PATHS: ZodOpenApiPathsObject = {
  [AdminPath.deliveries]: {
    get: operatorOperation({
      operationId: "listDeliveries",
      summary: "List email deliveries",
      description: "Every email ResetKit tried to send, newest first, never its body, token or link. Filter by recipient, status and kind; page with `cursor`.",
      rejectsOtherMethods: true,
      params: { query: deliveriesQuerySchema },
      success: {
        status: 200,
        description: "One page of deliveries.",
        schema: deliveriesResponseSchema,
        examples: { page: { value: { deliveries: [DELIVERY], nextCursor: null } } },
      },
      problems: [QUERY_REFUSED, notFound()],
    }),
  },
  [toOpenApiPath(AdminPath.retryDelivery)]: {
    post: operatorOperation({
      operationId: "retryDelivery",
      summary: "Send a failed email again",
      description: "Queues a new delivery of a failed email (a reset email gets a fresh link). Only a delivery that has failed can be retried.",
      rejectsOtherMethods: true,
      params: { path: deliveryId },
      success: {
        status: 202,
        description: "Queued: the new delivery.",
        schema: retryResponseSchema,
        examples: { queued: { value: { id: "0e1d2c3b-4a59-4687-b6a5-f4e3d2c1b0a9", retryOf: DELIVERY.id } } },
      },
      problems: [
        notFound({ description: "no delivery has this id", detail: "problem.deliveryNotFound" }),
        {
          status: 409,
          description: "`delivery_not_failed`: the delivery is queued, retrying or sent.",
          examples: [{ code: ErrorCode.deliveryNotFailed, summary: "Not failed", detail: message("problem.deliveryNotFailed") }],
        },
      ],
    }),
  },
  [AdminPath.accounts]: {
    get: operatorOperation({
      operationId: "findAccount",
      summary: "Look an account up by address",
      description: "The state of the account with this address: verified, locked, sessions and live reset links; never a hash or a token.",
      rejectsOtherMethods: true,
      params: { query: accountQuerySchema },
      success: {
        status: 200,
        description: "The account.",
        schema: adminAccountSchema,
        examples: {
          account: {
            value: {
              id: EXAMPLE_ACCOUNT_ID,
              email: "ada@example.com",
              verified: true,
              passwordLocked: false,
              signInLockedUntil: null,
              sessions: 2,
              liveResetLinks: 0,
              locale: "en",
              createdAt: EXAMPLE_INSTANT,
              lastSignInAt: EXAMPLE_INSTANT,
            },
          },
        },
      },
      problems: [QUERY_REFUSED, notFound({ description: "no account has this address", detail: "problem.accountNotFound" })],
    }),
  },
  [toOpenApiPath(AdminPath.accountSessions)]: {
    delete: operatorOperation({
      operationId: "endAccountSessions",
      summary: "Sign an account out everywhere",
      description: "Ends every session of the account.",
      rejectsOtherMethods: true,
      params: { path: accountId },
      success: { status: 204, description: "Every session has ended." },
      problems: [notFound({ description: "no account has this id", detail: "problem.accountNotFound" })],
    }),
  },
  [toOpenApiPath(AdminPath.unlockSignIn)]: {
    post: operatorOperation({
      operationId: "unlockSignIn",
      summary: "Lift the sign-in lock",
      description: "Clears the account's failed sign-in counts, so its owner can sign in again at once.",
      rejectsOtherMethods: true,
      params: { path: accountId },
      success: { status: 204, description: "Unlocked." },
      problems: [notFound({ description: "no account has this id", detail: "problem.accountNotFound" })],
    }),
  },
};
