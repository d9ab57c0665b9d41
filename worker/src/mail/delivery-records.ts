/**
 * Delivery records in D1: one row per email, updated after every attempt, so an operator (and
 * /dev/mailbox) can see whether a message was sent, is being retried or failed, and why. The
 * rows carry no message body, token or link. A record's id is the id of the mail-queue job that
 * sends it, which is how a redelivered job finds out its email already went out.
 */
import type { MailTransportName } from "../config.ts";
import type { MailKind } from "./mail-message.ts";

export type DeliveryStatus = "queued" | "retrying" | "sent" | "failed";

export interface DeliveryRecord {
  id: string;
  kind: MailKind;
  transport: MailTransportName;
  to: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

interface DeliveryRow {
  id: string;
  kind: MailKind;
  transport: MailTransportName;
  to_address: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export const DELIVERY_QUERIES = {
  insert: `INSERT INTO mail_deliveries (id, kind, transport, to_address, status, attempts, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'queued', 0, ?, ?) ON CONFLICT (id) DO NOTHING`,
  markFailed: `UPDATE mail_deliveries SET status = 'failed', last_error = ?, updated_at = ?
    WHERE id = ? AND status <> 'sent'`,
  update: "UPDATE mail_deliveries SET status = ?, attempts = ?, last_error = ?, updated_at = ? WHERE id = ?",
  // A failed delivery keeps the job that made it, so an operator can send it again.
  keepJob: "UPDATE mail_deliveries SET job = ?2 WHERE id = ?1 AND status = 'failed' AND job IS NULL",
  findById: "SELECT * FROM mail_deliveries WHERE id = ?",
  listForRecipient: "SELECT * FROM mail_deliveries WHERE to_address = ? ORDER BY seq DESC LIMIT ?",
  listLatest: "SELECT * FROM mail_deliveries ORDER BY seq DESC LIMIT ?",
} as const;

/** Stores a new record in the "queued" state, unless a record with this id exists already. */
export async function ensureDeliveryRecord(
  env: Env,
  record: { id: string; kind: MailKind; transport: MailTransportName; to: string; now: number },
): Promise<void> {
  await env.DB.prepare(DELIVERY_QUERIES.insert)
    .bind(record.id, record.kind, record.transport, record.to, record.now, record.now)
    .run();
}

/** Records the outcome of the latest attempt. */
export async function updateDeliveryRecord(
  env: Env,
  id: string,
  update: { status: DeliveryStatus; attempts: number; lastError: string | null; now: number },
): Promise<void> {
  await env.DB.prepare(DELIVERY_QUERIES.update)
    .bind(update.status, update.attempts, update.lastError, update.now, id)
    .run();
}

/** Marks a record failed for good (its job went to the dead-letter queue); a sent record stays sent. */
export async function markDeliveryFailed(env: Env, id: string, reason: string, now: number): Promise<void> {
  await env.DB.prepare(DELIVERY_QUERIES.markFailed).bind(reason, now, id).run();
}

/** Keeps the queue job (JSON) of a delivery that failed for good, for a later retry. */
export async function keepJobOfFailedDelivery(env: Env, id: string, job: string): Promise<void> {
  await env.DB.prepare(DELIVERY_QUERIES.keepJob).bind(id, job).run();
}

/** Finds one record, or null. */
export async function findDeliveryRecord(env: Env, id: string): Promise<DeliveryRecord | null> {
  const row = await env.DB.prepare(DELIVERY_QUERIES.findById).bind(id).first<DeliveryRow>();
  return row ? toRecord(row) : null;
}

/** Lists records newest first, for one recipient or for everyone. */
export async function listDeliveryRecords(env: Env, options: { to?: string; limit: number }): Promise<DeliveryRecord[]> {
  const statement =
    options.to === undefined
      ? env.DB.prepare(DELIVERY_QUERIES.listLatest).bind(options.limit)
      : env.DB.prepare(DELIVERY_QUERIES.listForRecipient).bind(options.to, options.limit);
  const { results } = await statement.all<DeliveryRow>();
  return results.map(toRecord);
}

function toRecord(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    kind: row.kind,
    transport: row.transport,
    to: row.to_address,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
