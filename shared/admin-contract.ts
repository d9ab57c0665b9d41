/**
 * The operator API's contract, `/api/v1/admin/*`: for the people who answer "the email never
 * came". Its paths, the query of the deliveries list and the shapes of its answers. The Worker
 * validates with these schemas and the OpenAPI document describes them, so the two cannot drift.
 * Every call needs `Authorization: Bearer <ADMIN_API_TOKEN>`; without that secret the routes do
 * not exist (404).
 */
import { z } from "zod";
import { API_PREFIX } from "./contract.ts";

export const ADMIN_PREFIX = `${API_PREFIX}/admin`;

export const AdminPath = {
  deliveries: `${ADMIN_PREFIX}/deliveries`,
  /** `:id` is a delivery id. */
  retryDelivery: `${ADMIN_PREFIX}/deliveries/:id/retry`,
  accounts: `${ADMIN_PREFIX}/accounts`,
  /** `:id` is an account id. */
  accountSessions: `${ADMIN_PREFIX}/accounts/:id/sessions`,
  unlockSignIn: `${ADMIN_PREFIX}/accounts/:id/unlock-sign-in`,
} as const;

export const MAIL_KINDS = ["password_reset", "password_changed", "email_verification", "sign_up_notice"] as const;
export const DELIVERY_STATUSES = ["queued", "retrying", "sent", "failed"] as const;
export const ADMIN_LIST_MAX = 100;

/** The filters of `GET /admin/deliveries`; every one is optional. */
export const deliveriesQuerySchema = z.object({
  to: z.string({ error: "field.invalid" }).trim().min(1, { error: "field.invalid" }).max(254, { error: "email.tooLong" }).optional(),
  status: z.enum(DELIVERY_STATUSES, { error: "field.invalid" }).optional(),
  kind: z.enum(MAIL_KINDS, { error: "field.invalid" }).optional(),
  limit: z.coerce.number({ error: "field.invalid" }).int({ error: "field.invalid" }).min(1, { error: "field.invalid" }).max(ADMIN_LIST_MAX, { error: "field.invalid" }).default(50),
  /** Opaque: the `nextCursor` of the page before. */
  cursor: z.string({ error: "field.invalid" }).regex(/^[A-Za-z0-9_-]{1,200}$/, { error: "field.invalid" }).optional(),
});
export type DeliveriesQuery = z.infer<typeof deliveriesQuerySchema>;

export const accountQuerySchema = z.object({
  email: z.string({ error: "email.missing" }).trim().min(1, { error: "email.missing" }).max(254, { error: "email.tooLong" }),
});

/** One email ResetKit tried to send; never its body, a token or a link. */
export const deliverySchema = z.object({
  id: z.string(),
  kind: z.enum(MAIL_KINDS),
  status: z.enum(DELIVERY_STATUSES),
  to: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AdminDelivery = z.infer<typeof deliverySchema>;

export const deliveriesResponseSchema = z.object({
  deliveries: z.array(deliverySchema),
  /** Pass as `cursor` for the next, older page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type DeliveriesResponse = z.infer<typeof deliveriesResponseSchema>;

/** The answer to a retry: the new delivery the queue will make. */
export const retryResponseSchema = z.object({ id: z.string(), retryOf: z.string() });
export type RetryResponse = z.infer<typeof retryResponseSchema>;

/** What an operator may see of an account: its state, never its password hash or tokens. */
export const adminAccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  verified: z.boolean(),
  passwordLocked: z.boolean(),
  /** When the per-address sign-in lock ends, or null when it is not locked. */
  signInLockedUntil: z.iso.datetime().nullable(),
  sessions: z.number().int(),
  liveResetLinks: z.number().int(),
  locale: z.string().optional(),
  createdAt: z.iso.datetime(),
  lastSignInAt: z.iso.datetime().nullable(),
});
export type AdminAccount = z.infer<typeof adminAccountSchema>;
