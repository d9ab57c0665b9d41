/**
 * The webhook queue's consumer: one POST to WEBHOOK_URL per event, signed after Standard Webhooks.
 * Delivery is at least once: a receiver dedupes on `webhook-id`, which is the event's id on every
 * attempt. A 2xx delivers; 429, 5xx, a network error or a timeout is tried again after the next
 * WEBHOOK_RETRY_DELAYS_SECONDS; any other answer is refused for good. When Queues gives up, the
 * dead-letter queue's consumer (this one) records the event "failed". Each attempt is recorded on
 * the event's row: attempts, the last error, its status.
 *
 * @example
 * if (isWebhookQueue(batch.queue)) return consumeWebhookBatch(batch, env);
 */
import { readConfig } from "../config.ts";
import { clock } from "../platform/clock.ts";
import { chooseRetryDelay } from "../platform/retry-schedule.ts";
import type { WebhookMessage } from "./webhook-events.ts";
import { signWebhook } from "./webhook-signature.ts";

/** How long one delivery may take before it counts as a (temporary) timeout. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
const DEAD_LETTER_SUFFIX = "-dead-letter";

export const WEBHOOK_DELIVERY_QUERIES = {
  find: "SELECT id, body, status, attempts FROM webhook_events WHERE id = ?",
  record: "UPDATE webhook_events SET status = ?2, attempts = ?3, last_error = ?4, updated_at = ?5 WHERE id = ?1 AND status <> 'delivered'",
  giveUp: "UPDATE webhook_events SET status = 'failed', last_error = ?2, updated_at = ?3 WHERE id = ?1 AND status <> 'delivered'",
} as const;

interface EventRow {
  id: string;
  body: string;
  status: "pending" | "queued" | "delivered" | "failed";
  attempts: number;
}

type Attempt = { outcome: "delivered" } | { outcome: "retry"; error: string } | { outcome: "refused"; error: string };

/** True for the webhook queue and its dead-letter queue, in production and in [env.dev]. */
export function isWebhookQueue(name: string): boolean {
  return /-webhooks(-dead-letter)?$/.test(name);
}

/** Handles one batch from the webhook queue or its dead-letter queue. */
export async function consumeWebhookBatch(batch: MessageBatch, env: Env): Promise<void> {
  const deadLetters = batch.queue.endsWith(DEAD_LETTER_SUFFIX);
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        await (deadLetters ? settleDeadLetter(env, message) : deliver(env, message));
      } catch (error) {
        // D1 failing is not the event's fault: try it again later, like a receiver that is down.
        console.error(`webhook message ${message.id} failed before it was settled: ${error instanceof Error ? `${error.name}: ${error.message}` : "error"}`);
        message.retry({ delaySeconds: 60 });
      }
    }),
  );
}

async function deliver(env: Env, message: Message): Promise<void> {
  const eventId = readEventId(message.body);
  const event = eventId ? await env.DB.prepare(WEBHOOK_DELIVERY_QUERIES.find).bind(eventId).first<EventRow>() : null;
  // Unknown (its batch's condition did not hold), or done already: nothing to send again.
  if (!event || event.status === "delivered" || event.status === "failed") {
    message.ack();
    return;
  }
  const { webhooks } = readConfig(env);
  const attempts = event.attempts + 1;
  const attempt: Attempt =
    webhooks.url === undefined || webhooks.secret === undefined
      ? { outcome: "retry", error: "WEBHOOK_URL or WEBHOOK_SECRET is not set" }
      : await post(webhooks.url, webhooks.secret, event);
  const status = attempt.outcome === "delivered" ? "delivered" : attempt.outcome === "refused" ? "failed" : "queued";
  const error = attempt.outcome === "delivered" ? null : attempt.error;
  await env.DB.prepare(WEBHOOK_DELIVERY_QUERIES.record).bind(event.id, status, attempts, error, clock.now()).run();
  if (attempt.outcome === "retry") {
    message.retry({ delaySeconds: chooseRetryDelay(webhooks.retryDelaysSeconds, message.attempts) });
    return;
  }
  if (attempt.outcome === "refused") console.error(`webhook ${event.id} refused for good: ${attempt.error}`);
  message.ack();
}

async function post(url: string, secret: Uint8Array, event: EventRow): Promise<Attempt> {
  const timestamp = Math.floor(clock.now() / 1000);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": event.id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": await signWebhook(secret, event.id, timestamp, event.body),
        "user-agent": "ResetKit-Webhooks/1",
      },
      body: event.body,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.ok) return { outcome: "delivered" };
    const error = `HTTP ${response.status}`;
    return response.status === 429 || response.status >= 500 ? { outcome: "retry", error } : { outcome: "refused", error };
  } catch (error) {
    return { outcome: "retry", error: error instanceof Error && error.name === "TimeoutError" ? "timed out" : "network error" };
  }
}

async function settleDeadLetter(env: Env, message: Message): Promise<void> {
  const eventId = readEventId(message.body);
  if (eventId) {
    const event = await env.DB.prepare(WEBHOOK_DELIVERY_QUERIES.find).bind(eventId).first<EventRow>();
    const reason = `gave up after ${event?.attempts ?? 0} attempt(s)`;
    console.error(`webhook ${eventId} moved to the dead-letter queue; ${reason}`);
    await env.DB.prepare(WEBHOOK_DELIVERY_QUERIES.giveUp).bind(eventId, reason, clock.now()).run();
  }
  message.ack();
}

function readEventId(body: unknown): string | null {
  const eventId = (body as Partial<WebhookMessage> | null)?.eventId;
  return typeof eventId === "string" && /^msg_[A-Za-z0-9_-]{10,64}$/.test(eventId) ? eventId : null;
}
