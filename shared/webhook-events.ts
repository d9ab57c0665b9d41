/**
 * The events ResetKit sends to `WEBHOOK_URL`, signed after the Standard Webhooks specification
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Each is `{type, timestamp, data}`; the
 * data names the account by id and email and never holds a token, a code, a password, a hash or a
 * link. The OpenAPI document describes them under `webhooks`, from these schemas.
 */
import { z } from "zod";
import { MAIL_KINDS } from "./admin-contract.ts";

export const WEBHOOK_EVENT_TYPES = ["account.verified", "password_reset.completed", "password.changed", "account.locked", "mail.failed"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const accountData = z.object({ accountId: z.string(), email: z.string() });

/** The data of each event type. */
export const WEBHOOK_EVENT_DATA = {
  /** A sign-up's address was confirmed: the account exists from now on. */
  "account.verified": accountData,
  /** A password was set through a reset link or its code, from the web or the app. */
  "password_reset.completed": accountData.extend({ method: z.enum(["link", "code"]), client: z.enum(["web", "desktop"]) }),
  /** A signed-in person changed their password; every other session ended. */
  "password.changed": accountData,
  /** "This wasn't me": the password is locked and every session ended until a reset. */
  "account.locked": accountData,
  /** ResetKit gave up on an email after its last retry. */
  "mail.failed": z.object({ deliveryId: z.string(), kind: z.enum(MAIL_KINDS), to: z.string(), reason: z.string() }),
} as const satisfies Record<WebhookEventType, z.ZodType>;

export type WebhookEventData<Type extends WebhookEventType> = z.infer<(typeof WEBHOOK_EVENT_DATA)[Type]>;

/** The body of one webhook request. */
export interface WebhookEvent<Type extends WebhookEventType = WebhookEventType> {
  type: Type;
  /** When the change happened, ISO 8601. */
  timestamp: string;
  data: WebhookEventData<Type>;
}

/** The schema of an event body of `type`, for the document and for receivers that validate. */
export function webhookEventSchema<Type extends WebhookEventType>(type: Type) {
  return z.object({ type: z.literal(type), timestamp: z.iso.datetime(), data: WEBHOOK_EVENT_DATA[type] });
}
