/**
 * The document's development-only operations (worker/src/dev/): the seed for verified accounts
 * and the JSON views of the outbox and the delivery records. They exist only when ENVIRONMENT is
 * "development" and the Host is loopback; anywhere else each is the site's HTML 404, which is
 * also what another method gets.
 */
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { z } from "zod";
import { accountResponseSchema } from "../../../../shared/contract.ts";
import { ErrorCode } from "../../../../shared/errors.ts";
import { message } from "../../../../shared/i18n/translator.ts";
import { deliveriesJsonSchema, devAccountRequestSchema, mailboxJsonSchema } from "../../dev/dev-contract.ts";
import { describeOperation, EXAMPLE_ACCOUNT_ID, EXAMPLE_INSTANT, TAGS } from "../operation.ts";
import { passwordPolicyProblem } from "./accounts.ts";

const ABSENT: Record<string, ZodOpenApiResponseObject> = {
  404: {
    description:
      "Absent: in production, for a Host that is not loopback (so DNS rebinding cannot reach it), and for any other method. The site's HTML 404 page.",
    content: { "text/html": { schema: { type: "string" } } },
  },
};

const recipientQuery = z.object({
  to: z.string().optional().meta({ description: "Only this recipient's, matched exactly as stored (ASCII case aside)." }),
});

const RESET_EMAIL = {
  id: "5b1f6a2e-8c3d-4e7a-9f10-2a3b4c5d6e7f",
  to: "ada@example.com",
  subject: "Reset your ResetKit password",
  text: "Open this link to choose a new password: http://127.0.0.1:8787/reset-password?token=…",
  html: "<!DOCTYPE html><html lang=\"en\">…</html>",
  contentLanguage: "en",
  createdAt: EXAMPLE_INSTANT,
};

export const DEVELOPMENT_PATHS: ZodOpenApiPathsObject = {
  "/dev/accounts": {
    post: describeOperation({
      operationId: "createDevelopmentAccount",
      tag: TAGS.development,
      summary: "Create a verified account",
      description:
        "Makes a verified account directly, for `npm start`'s demo account and for tests; a pending sign-up for the address is dropped. It checks the password policy but never an existing password. Absent in production.",
      body: {
        schema: devAccountRequestSchema,
        examples: { seed: { value: { email: "demo@example.com", password: "correct horse battery staple" } } },
      },
      success: {
        status: 201,
        description: "The account, verified.",
        schema: accountResponseSchema,
        examples: { created: { value: { id: EXAMPLE_ACCOUNT_ID, email: "demo@example.com" } } },
      },
      problems: [
        passwordPolicyProblem("password"),
        {
          status: 409,
          description: "`email_taken`: the address has an account already.",
          examples: [{ code: ErrorCode.emailTaken, summary: "Taken", detail: message("problem.emailTaken") }],
        },
      ],
      otherResponses: ABSENT,
    }),
  },
  "/dev/mailbox.json": {
    get: describeOperation({
      operationId: "readDevelopmentMailbox",
      tag: TAGS.development,
      summary: "Read the development mailbox",
      description: "The emails the outbox transport kept and the reset requests that sent nothing, newest first. Absent in production.",
      params: { query: recipientQuery },
      success: {
        status: 200,
        description: "The mailbox.",
        schema: mailboxJsonSchema,
        examples: {
          mailbox: {
            value: {
              messages: [RESET_EMAIL],
              skipped: [{ id: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", to: "nobody@example.com", reason: "no_account", createdAt: EXAMPLE_INSTANT }],
            },
          },
        },
      },
      otherResponses: ABSENT,
    }),
  },
  "/dev/deliveries.json": {
    get: describeOperation({
      operationId: "readDevelopmentDeliveries",
      tag: TAGS.development,
      summary: "Read the delivery records",
      description: "What every transport did with each email (queued, retrying, sent, failed), newest first. Absent in production.",
      params: { query: recipientQuery },
      success: {
        status: 200,
        description: "The delivery records.",
        schema: deliveriesJsonSchema,
        examples: {
          deliveries: {
            value: {
              deliveries: [
                {
                  id: RESET_EMAIL.id,
                  kind: "password_reset",
                  transport: "mailchannels",
                  to: "ada@example.com",
                  status: "retrying",
                  attempts: 2,
                  lastError: "HTTP 503",
                  createdAt: EXAMPLE_INSTANT,
                  updatedAt: EXAMPLE_INSTANT,
                },
              ],
            },
          },
        },
      },
      otherResponses: ABSENT,
    }),
  },
};
