/**
 * The messages on the mail queue: one per email to send, each a small job the consumer turns
 * into an email (see mail-consumer.ts, and the handler of each kind in job-handlers.ts). Every
 * area that sends mail queues its jobs here; none of them is imported back. A job carries what is needed to find the recipient and
 * nothing that would open an account: never a token, a password or a link, so the queue, its
 * dead-letter queue and any log of them hold nothing an attacker could use. Links are made by
 * the consumer, at the attempt that sends them. A reset request also carries the keyed hash of
 * the network it came from (reset/requester-network.ts), never the client's address.
 *
 * `id` is set once, when the job is queued, and keys everything the consumer does (the delivery
 * record, the outbox row), so a redelivered job is recognised. It lives in the body because
 * Queues' own message id is not promised to survive the move to the dead-letter queue.
 *
 * @example
 * await enqueueMail(env, { kind: "password_reset_request", email, client: "web", requestedAt: clock.now() });
 */
import { z } from "zod";
import { resetClientSchema } from "../../../shared/contract.ts";
import { isLocale, type Locale } from "../../../shared/i18n/locales.ts";
import { TOKEN_PATTERN } from "../../../shared/token-shape.ts";
import type { DeliveryOutcome } from "../mail/mailer.ts";
import type { SkipReason } from "../mail/skipped-requests.ts";

/**
 * The language of a request's email, and its time zone when the page or the app said it. Neither
 * is personal data. `localeStated`: the request named a language, so it becomes the account's.
 * Jobs queued before these fields existed are read as English, unstated.
 */
const requestLanguageFields = {
  locale: z.custom<Locale>((value) => isLocale(value)).optional(),
  localeStated: z.boolean().optional(),
  timeZone: z.string().max(64).optional(),
};

/** Every kind of job, as the consumer's handler table knows them. Add a kind here and a handler in job-handlers.ts. */
export const mailJobSchema = z.discriminatedUnion("kind", [
  /** A reset request as typed into the form or the API: the consumer looks the address up. */
  z.object({
    kind: z.literal("password_reset_request"),
    id: z.string().min(1),
    email: z.string(),
    client: resetClientSchema,
    requestedAt: z.number(),
    /**
     * HMAC of the requesting network (43 base64url characters, the shape of our tokens), stored with the link so that only a sign-in from that
     * network revokes it. Absent when the address could not be parsed, and on jobs queued before
     * the field existed: such a link is never revoked by a sign-in.
     */
    requesterNetwork: z.string().regex(TOKEN_PATTERN).optional(),
    ...requestLanguageFields,
  }),
  /** The notice after a password change, with a "this wasn't me" link. */
  z.object({ kind: z.literal("password_changed"), id: z.string().min(1), accountId: z.string(), changedAt: z.number() }),
  /** A fresh reset link after "this wasn't me": no per-address limit, the stored address only. */
  z.object({ kind: z.literal("account_alert_reset"), id: z.string().min(1), accountId: z.string(), requestedAt: z.number() }),
  /**
   * A sign-up: `requestId` names its row in `sign_up_requests`, which holds the address and the
   * password's hash, so the message carries neither. The consumer creates or updates the account
   * and sends the verification link, or a note to the owner of an existing account.
   */
  z.object({ kind: z.literal("sign_up"), id: z.string().min(1), requestId: z.string().min(1), requestedAt: z.number(), ...requestLanguageFields }),
]);

export type MailJob = z.infer<typeof mailJobSchema>;
export type MailJobKind = MailJob["kind"];

/** `Omit` applied to each member of a union, so the result is still a discriminated union. */
type OmitFromEach<Union, Key extends PropertyKey> = Union extends unknown ? Omit<Union, Key> : never;

/** A job as its producer describes it; `enqueueMail` adds the id. */
export type NewMailJob = OmitFromEach<MailJob, "id">;

/** Puts one job on the mail queue and returns its id. */
export async function enqueueMail(env: Env, job: NewMailJob): Promise<string> {
  const id = crypto.randomUUID();
  await env.MAIL_QUEUE.send({ ...job, id } satisfies MailJob, { contentType: "json" });
  return id;
}

/** Reads a queue message body as a job, or null for anything this Worker did not write. */
export function readMailJob(body: unknown): MailJob | null {
  const parsed = mailJobSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/** What the consumer knows about a job's delivery when it runs a handler. */
export interface MailJobContext {
  /** This delivery's attempt number, from 1 (Queues' `message.attempts`). */
  attempts: number;
  /** True when an earlier attempt already got as far as a delivery record: limits were counted then. */
  resumed: boolean;
}

/** What running a job came to. "skipped" sent nothing on purpose; `to` is the address as typed, if any. */
export type MailJobOutcome = DeliveryOutcome | { status: "skipped"; reason: SkipReason; to: string | null };

/** What the consumer runs for one kind of job: one send attempt. */
export type MailJobHandler<Kind extends MailJobKind> = (
  env: Env,
  job: Extract<MailJob, { kind: Kind }>,
  context: MailJobContext,
) => Promise<MailJobOutcome>;

/** One handler per kind of job; the compiler insists on each. */
export type MailJobHandlers = { [Kind in MailJobKind]: MailJobHandler<Kind> };
