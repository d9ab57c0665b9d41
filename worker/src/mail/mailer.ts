/**
 * The one way ResetKit sends email. `createMailer(env)` picks the transport named by
 * `MAIL_TRANSPORT` (the D1 outbox or MailChannels) and wraps one attempt with what every send
 * needs: the header-injection check, a time limit, and the delivery record, updated after the
 * attempt. It never waits and tries again itself: the mail queue does that (mail-consumer.ts),
 * with delays long enough to outlast a provider's outage.
 *
 * `send` reports temporary and permanent failures as outcomes, never by throwing; only a failure
 * of D1 itself propagates, and the queue then retries the whole job.
 *
 * @example
 * const outcome = await createMailer(env).send(message, { id: job.id, attempts: 1 }); // { status: "sent" }
 */
import { readConfig } from "../config.ts";
import { clock } from "../platform/clock.ts";
import { ensureDeliveryRecord, updateDeliveryRecord } from "./delivery-records.ts";
import { describeThrownFailure } from "./failure-text.ts";
import { checkMessageHeaders, parseMailbox, type MailMessage } from "./mail-message.ts";
import type { AttemptOutcome, MailTransport } from "./mail-transport.ts";
import { createMailChannelsTransport } from "./mailchannels-transport.ts";
import { createOutboxTransport } from "./outbox-transport.ts";
import { ATTEMPT_TIMEOUT_MS } from "./retry-policy.ts";


/** Which delivery this is: the job id (also the delivery record's) and the attempt number, from 1. */
export interface DeliveryAttempt {
  id: string;
  attempts: number;
}

/** "retry" means a temporary failure: the caller decides whether and when to try again. */
export type DeliveryOutcome = { status: "sent" } | { status: "retry"; error: string } | { status: "failed"; error: string };

export interface Mailer {
  send(message: MailMessage, attempt: DeliveryAttempt): Promise<DeliveryOutcome>;
}

/** What tests may replace; production uses the defaults. */
export interface MailerOptions {
  fetch?: typeof fetch;
  attemptTimeoutMs?: number;
}

/** Creates the mailer configured by `env`. */
export function createMailer(env: Env, options: MailerOptions = {}): Mailer {
  const config = readConfig(env);
  const from = parseMailbox(config.mailFrom);
  const now = () => clock.now();
  const transport =
    config.mailTransport === "mailchannels"
      ? createMailChannelsTransport(config, from ?? { email: "" }, options.fetch ?? ((input, init) => fetch(input, init)))
      : createOutboxTransport(env, now);
  const timeoutMs = options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS;

  // A production Worker never stores mail in the outbox: it would keep reset links in D1 and send
  // nothing. The configuration gate already refuses such a deploy; this holds even without it.
  const refuseOutbox = config.environment === "production" && transport.name === "outbox";

  return {
    async send(message, { id, attempts }) {
      if (refuseOutbox) {
        console.error(`mail ${id} (${message.kind}) refused: the outbox is for development only; set MAIL_TRANSPORT=mailchannels`);
        return { status: "failed", error: "the outbox is for development only" };
      }
      await ensureDeliveryRecord(env, { id, kind: message.kind, transport: transport.name, to: message.to.email, now: now() });

      const refusal = !from ? "MAIL_FROM is not a valid sender" : refuseHeaderInjection(message, from);
      const outcome: AttemptOutcome = refusal
        ? { ok: false, retryable: false, error: refusal }
        : await attemptOnce(transport, message, id, timeoutMs);

      if (outcome.ok) {
        await updateDeliveryRecord(env, id, { status: "sent", attempts, lastError: null, now: now() });
        return { status: "sent" };
      }
      if (outcome.retryable) {
        console.warn(`mail ${id} (${message.kind}) attempt ${attempts} via ${transport.name} failed, will retry: ${outcome.error}`);
        await updateDeliveryRecord(env, id, { status: "retrying", attempts, lastError: outcome.error, now: now() });
        return { status: "retry", error: outcome.error };
      }
      console.error(`mail ${id} (${message.kind}) failed permanently at attempt ${attempts}: ${outcome.error}`);
      await updateDeliveryRecord(env, id, { status: "failed", attempts, lastError: outcome.error, now: now() });
      return { status: "failed", error: outcome.error };
    },
  };
}

function refuseHeaderInjection(message: MailMessage, from: NonNullable<ReturnType<typeof parseMailbox>>): string | null {
  const check = checkMessageHeaders(message, from);
  return check.valid ? null : `the ${check.field} header contains a line break or control character`;
}

async function attemptOnce(transport: MailTransport, message: MailMessage, id: string, timeoutMs: number): Promise<AttemptOutcome> {
  try {
    return await transport.attempt(message, { id, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { ok: false, retryable: true, error: describeThrownFailure(error) };
  }
}
