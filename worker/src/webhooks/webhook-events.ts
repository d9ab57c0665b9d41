/**
 * Making webhook events: an outbox row in `webhook_events`, written by the same D1 batch as the
 * change it reports, and a queue message that names it. A crash after the batch cannot lose the
 * event: the cron sweep queues every event still "pending" a minute on. Without WEBHOOK_URL no
 * event is made at all.
 *
 * @example
 * const event = describeWebhookEvent(env, "password.changed", `password.changed:${id}:${now}`, { accountId, email }, now);
 * const insert = event && env.DB.prepare(ACCOUNT_QUERIES.passwordChangedEvent).bind(...event.values, id, hash, now);
 * await env.DB.batch([...change, ...(insert ? [insert] : [])]);
 * await announceWebhookEvents(env, [event]);
 */
import type { WebhookEvent, WebhookEventData, WebhookEventType } from "../../../shared/webhook-events.ts";
import { readConfig } from "../config.ts";
import { encodeBase64Url } from "../crypto/encoding.ts";
import { clock } from "../platform/clock.ts";
import { random } from "../platform/random.ts";

/** What the webhook queue carries: the event's id, nothing else. */
export interface WebhookMessage {
  eventId: string;
}

/** An event a batch is about to insert, and the statement that inserts it. */
export interface PreparedWebhookEvent {
  id: string;
  statement: D1PreparedStatement;
}

/** An event ready to be stored: its id, and the first five values of its insert statement. */
export interface WebhookEventValues {
  id: string;
  /** Bind these first, then the condition's own values (`?6` on). */
  values: [id: string, sourceKey: string, type: WebhookEventType, body: string, now: number];
}

/** How long an event may stay "pending" before the sweep queues it. */
export const PENDING_GRACE_MS = 60_000;

const INSERT_COLUMNS = "INSERT INTO webhook_events (id, source_key, type, body, status, created_at, updated_at)";

/**
 * The statement that stores an event only while `condition` holds when its batch runs (for
 * example: only if the claim in the same batch won). The condition numbers its own values from
 * `?1`; they follow the event's five. Areas keep the result in their `*_QUERIES` table, so the
 * query-plan test sees it.
 *
 * @example
 * accountVerifiedEvent: insertWebhookEventWhere("EXISTS (SELECT 1 FROM accounts WHERE id = ?1)"),
 */
export function insertWebhookEventWhere(condition: string): string {
  const shifted = condition.replace(/\?(\d+)/g, (_match, index: string) => `?${Number(index) + 5}`);
  return `${INSERT_COLUMNS} SELECT ?1, ?2, ?3, ?4, 'pending', ?5, ?5 WHERE ${shifted} ON CONFLICT (source_key) DO NOTHING`;
}

export const WEBHOOK_EVENT_QUERIES = {
  // `mail.failed` is read from the delivery record itself, so it says exactly what was recorded.
  insertMailFailed: `${INSERT_COLUMNS}
    SELECT ?1, 'mail.failed:' || id, 'mail.failed',
      json_object('type', 'mail.failed', 'timestamp', ?3, 'data',
        json_object('deliveryId', id, 'kind', kind, 'to', to_address, 'reason', COALESCE(last_error, 'failed'))),
      'pending', ?4, ?4
    FROM mail_deliveries WHERE id = ?2 AND status = 'failed'
    ON CONFLICT (source_key) DO NOTHING`,
  markQueued: "UPDATE webhook_events SET status = 'queued', updated_at = ?2 WHERE id = ?1 AND status = 'pending'",
  listPending: "SELECT id FROM webhook_events WHERE status = 'pending' AND created_at < ?1 ORDER BY created_at LIMIT ?2",
} as const;

/**
 * The id and values of an event about to be stored, or null when webhooks are off. `sourceKey`
 * names what the event is about, so the same change emitted twice is stored once.
 */
export function describeWebhookEvent<Type extends WebhookEventType>(
  env: Env,
  type: Type,
  sourceKey: string,
  data: WebhookEventData<Type>,
  now: number,
): WebhookEventValues | null {
  if (readConfig(env).webhooks.url === undefined) return null;
  const id = `msg_${encodeBase64Url(random.bytes(18))}`;
  const body: WebhookEvent<Type> = { type, timestamp: new Date(now).toISOString(), data };
  return { id, values: [id, sourceKey, type, JSON.stringify(body), now] };
}

/**
 * The `mail.failed` event of a delivery recorded "failed", or null when webhooks are off. The
 * mail consumer runs it before it acknowledges the job, so a crash in between redelivers the job,
 * which runs it again; the source key stores the event once.
 */
export function prepareMailFailedEvent(env: Env, deliveryId: string, now: number): PreparedWebhookEvent | null {
  if (readConfig(env).webhooks.url === undefined) return null;
  const id = `msg_${encodeBase64Url(random.bytes(18))}`;
  return { id, statement: env.DB.prepare(WEBHOOK_EVENT_QUERIES.insertMailFailed).bind(id, deliveryId, new Date(now).toISOString(), now) };
}

/**
 * Queues the events a batch has just stored. An event whose condition did not hold has no row,
 * and its message is dropped by the consumer; a send that fails is caught up by the sweep.
 */
export async function announceWebhookEvents(env: Env, events: ReadonlyArray<{ id: string } | null>): Promise<void> {
  const ids = events.flatMap((event) => (event ? [event.id] : []));
  if (ids.length === 0) return;
  try {
    await env.WEBHOOK_QUEUE.sendBatch(ids.map((eventId) => ({ body: { eventId } satisfies WebhookMessage, contentType: "json" as const })));
  } catch (error) {
    // The change is made and the event stored: the sweep queues it within its grace period.
    console.error(`webhook events ${ids.join(", ")} left for the sweep: ${error instanceof Error ? error.name : "error"}`);
    return;
  }
  await env.DB.batch(ids.map((id) => env.DB.prepare(WEBHOOK_EVENT_QUERIES.markQueued).bind(id, clock.now())));
}

/** The cron's part: queues events still pending after their grace period. Returns how many. */
export async function sweepPendingWebhookEvents(env: Env, now: number, limit = 500): Promise<number> {
  const { results } = await env.DB.prepare(WEBHOOK_EVENT_QUERIES.listPending).bind(now - PENDING_GRACE_MS, limit).all<{ id: string }>();
  if (results.length === 0) return 0;
  await env.WEBHOOK_QUEUE.sendBatch(results.map(({ id }) => ({ body: { eventId: id } satisfies WebhookMessage, contentType: "json" as const })));
  await env.DB.batch(results.map(({ id }) => env.DB.prepare(WEBHOOK_EVENT_QUERIES.markQueued).bind(id, now)));
  return results.length;
}

