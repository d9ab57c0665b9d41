/**
 * The shapes of the development-only JSON endpoints: the body `POST /dev/accounts` takes and the
 * answers of `/dev/mailbox.json` and `/dev/deliveries.json`. The handlers validate with and build
 * bodies of these, and the OpenAPI document describes them, so the tests that read them and the
 * reference agree.
 */
import { z } from "zod";
import { DELIVERY_STATUSES, MAIL_KINDS } from "../../../shared/admin-contract.ts";
import { createAccountRequestSchema } from "../../../shared/contract.ts";

/** The sign-up's own fields and checks; a seed has no client to send a link to. */
export const devAccountRequestSchema = createAccountRequestSchema.pick({ email: true, password: true });

const instant = z.iso.datetime();

export const outboxMessageSchema = z.object({
  id: z.string(),
  to: z.string().meta({ description: "The recipient as stored." }),
  subject: z.string(),
  text: z.string().meta({ description: "The plain-text part, links and code included." }),
  html: z.string(),
  contentLanguage: z.string().nullable().meta({ description: "The language the email was written in." }),
  createdAt: instant,
});

export const skippedRequestSchema = z.object({
  id: z.string(),
  to: z.string().meta({ description: "The address as typed." }),
  reason: z.enum(["no_account", "address_limit", "superseded", "request_gone"]).meta({ description: "Why nothing was sent." }),
  createdAt: instant,
});

export const mailboxJsonSchema = z
  .object({
    messages: z.array(outboxMessageSchema).meta({ description: "Emails kept by the outbox transport, newest first (at most 100)." }),
    skipped: z.array(skippedRequestSchema).meta({ description: "Requests that sent nothing, and why, newest first." }),
  })
  .meta({ id: "DevMailbox" });
export type MailboxJson = z.infer<typeof mailboxJsonSchema>;

export const deliveryRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(MAIL_KINDS),
  transport: z.enum(["outbox", "mailchannels"]),
  to: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});

export const deliveriesJsonSchema = z
  .object({ deliveries: z.array(deliveryRecordSchema).meta({ description: "Delivery records of every transport, newest first (at most 100)." }) })
  .meta({ id: "DevDeliveries" });
export type DeliveriesJson = z.infer<typeof deliveriesJsonSchema>;
