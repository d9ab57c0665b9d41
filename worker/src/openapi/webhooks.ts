/**
 * The document's `webhooks` (OpenAPI 3.1): what ResetKit POSTs to WEBHOOK_URL, one entry per
 * event type of shared/webhook-events.ts, with the Standard Webhooks headers a receiver checks
 * the signature with (worker/src/webhooks/webhook-signature.ts).
 */
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { WEBHOOK_EVENT_TYPES, webhookEventSchema, type WebhookEventType } from "../../../shared/webhook-events.ts";
import { EXAMPLE_ACCOUNT_ID, EXAMPLE_INSTANT } from "./operation.ts";

export const WEBHOOK_TAG = "webhooks";

const SUMMARIES: Record<WebhookEventType, { summary: string; description: string; data: Record<string, unknown> }> = {
  "account.verified": {
    summary: "An address was confirmed",
    description: "A sign-up's address was confirmed: the account exists from now on.",
    data: { accountId: EXAMPLE_ACCOUNT_ID, email: "ada@example.com" },
  },
  "password_reset.completed": {
    summary: "A password was reset",
    description: "A password was set through a reset link or its code, from the web or the app; every session of the account ended.",
    data: { accountId: EXAMPLE_ACCOUNT_ID, email: "ada@example.com", method: "code", client: "desktop" },
  },
  "password.changed": {
    summary: "A password was changed",
    description: "A signed-in person changed their password; every other session ended.",
    data: { accountId: EXAMPLE_ACCOUNT_ID, email: "ada@example.com" },
  },
  "account.locked": {
    summary: "\"This wasn't me\"",
    description: "The owner said they did not change the password: it is locked and every session ended until a reset.",
    data: { accountId: EXAMPLE_ACCOUNT_ID, email: "ada@example.com" },
  },
  "mail.failed": {
    summary: "An email could not be sent",
    description: "ResetKit gave up on an email after its last retry.",
    data: { deliveryId: "5b1f6a2e-8c3d-4e7a-9f10-2a3b4c5d6e7f", kind: "password_reset", to: "ada@example.com", reason: "gave up after 8 attempt(s): HTTP 503" },
  },
};

const signatureHeaders = z.object({
  "webhook-id": z.string().meta({ description: "The event's id, the same on every attempt: dedupe on it (delivery is at least once).", examples: ["msg_x7Qp2LmN9vRt4KsW8bYc1DfG"] }),
  "webhook-timestamp": z
    .string()
    .regex(/^[0-9]+$/)
    .meta({ description: "Unix seconds when this attempt was signed; refuse one far from your clock.", examples: ["1733333333"] }),
  "webhook-signature": z.string().meta({
    description: "`v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`, keyed with WEBHOOK_SECRET's bytes after `whsec_`. Verify with a Standard Webhooks library before trusting the body.",
    examples: ["v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="],
  }),
});

export const WEBHOOKS: ZodOpenApiPathsObject = Object.fromEntries(
  WEBHOOK_EVENT_TYPES.map((type) => [
    type,
    {
      post: {
        operationId: `webhook.${type}`,
        tags: [WEBHOOK_TAG],
        summary: SUMMARIES[type].summary,
        description: `${SUMMARIES[type].description} Sent to WEBHOOK_URL as \`{type, timestamp, data}\`; the data never holds a token, a code, a password, a hash or a link.`,
        security: [],
        requestParams: { header: signatureHeaders },
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: webhookEventSchema(type),
              examples: { event: { value: { type, timestamp: EXAMPLE_INSTANT, data: SUMMARIES[type].data } } },
            },
          },
        },
        responses: {
          "2XX": { description: "Delivered: any 2xx within 10 seconds." },
          "429": { description: "Tried again later, after WEBHOOK_RETRY_DELAYS_SECONDS (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h); then the event is recorded `failed`." },
          "5XX": { description: "Tried again later, like a 429, a network error or a timeout." },
          default: { description: "Any other answer is refused for good: the event is recorded `failed` and not sent again." },
        },
      },
    },
  ]),
);
