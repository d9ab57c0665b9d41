/**
 * The one way ResetKit sends email. `createMailer(env)` picks the transport named by
 * `MAIL_TRANSPORT` (the D1 outbox or MailChannels) and wraps it with what every send needs:
 * the header-injection check, a delivery record updated after each attempt, and bounded
 * retries with backoff for temporary failures.
 *
 * Callers run `send` inside `ctx.waitUntil`, so the HTTP response never waits for mail.
 * `send` never throws: every failure ends as a "failed" delivery record and result.
 *
 * @example
 * ctx.waitUntil(createMailer(env).send({ kind: "password_reset", to, subject, text, html }));
 */
import { readConfig } from "../config.ts";
import { clock } from "../platform/clock.ts";
import { createDeliveryRecord, updateDeliveryRecord } from "./delivery-records.ts";
import { describeThrownFailure } from "./failure-text.ts";
import { checkMessageHeaders, parseMailbox, type MailMessage } from "./mail-message.ts";
import type { AttemptOutcome, MailTransport } from "./mail-transport.ts";
import { createMailChannelsTransport } from "./mailchannels-transport.ts";
import { createOutboxTransport } from "./outbox-transport.ts";
import { computeBackoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy.ts";

export interface DeliveryResult {
  id: string;
  status: "sent" | "failed";
  attempts: number;
  error?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<DeliveryResult>;
}

/** What tests may replace; production uses the defaults. */
export interface MailerOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  randomUnit?: () => number;
  policy?: RetryPolicy;
}

/** Creates the mailer configured by `env`. */
export function createMailer(env: Env, options: MailerOptions = {}): Mailer {
  const config = readConfig(env);
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? waitFor;
  const randomUnit = options.randomUnit ?? Math.random;
  const from = parseMailbox(config.mailFrom);
  const now = () => clock.now();
  const transport =
    config.mailTransport === "mailchannels"
      ? createMailChannelsTransport(config, from ?? { email: "" }, options.fetch ?? ((input, init) => fetch(input, init)))
      : createOutboxTransport(env, now);

  // A deploy that forgot MAIL_TRANSPORT would otherwise store reset links in D1 and send nothing.
  const warnOutboxInProduction = config.environment === "production" && transport.name === "outbox";

  return {
    async send(message) {
      const id = crypto.randomUUID();
      if (warnOutboxInProduction) console.warn(`mail ${id} (${message.kind}) stored in the outbox, not sent: set MAIL_TRANSPORT=mailchannels`);
      try {
        await createDeliveryRecord(env, { id, kind: message.kind, transport: transport.name, to: message.to.email, now: now() });
      } catch (error) {
        console.error(`mail ${id} (${message.kind}) could not be recorded: ${describeThrownFailure(error)}`);
        return { id, status: "failed", attempts: 0, error: "delivery record could not be stored" };
      }
      const refusal = !from ? "MAIL_FROM is not a valid sender" : refuseHeaderInjection(message, from);
      if (refusal) return finish(env, message, { id, status: "failed", attempts: 0, error: refusal }, now);

      for (let attempts = 1; ; attempts += 1) {
        const outcome = await attemptOnce(transport, message, id, policy.attemptTimeoutMs);
        if (outcome.ok) return finish(env, message, { id, status: "sent", attempts }, now);
        if (!outcome.retryable || attempts >= policy.maxAttempts) {
          return finish(env, message, { id, status: "failed", attempts, error: outcome.error }, now);
        }
        console.warn(`mail ${id} (${message.kind}) attempt ${attempts} via ${transport.name} failed, retrying: ${outcome.error}`);
        await safely(updateDeliveryRecord(env, id, { status: "retrying", attempts, lastError: outcome.error, now: now() }));
        await sleep(computeBackoffDelay(policy, attempts, randomUnit));
      }
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

async function finish(env: Env, message: MailMessage, result: DeliveryResult, now: () => number): Promise<DeliveryResult> {
  if (result.status === "failed") {
    console.error(`mail ${result.id} (${message.kind}) failed after ${result.attempts} attempt(s): ${result.error}`);
  }
  await safely(
    updateDeliveryRecord(env, result.id, {
      status: result.status,
      attempts: result.attempts,
      lastError: result.error ?? null,
      now: now(),
    }),
  );
  return result;
}

async function safely(work: Promise<void>): Promise<void> {
  try {
    await work;
  } catch (error) {
    console.error(`mail delivery record update failed: ${describeThrownFailure(error)}`);
  }
}

function waitFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
