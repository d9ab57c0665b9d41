/**
 * The operator's view of the mail: every delivery ResetKit tried, newest first, filtered by
 * recipient, status and kind, a page at a time; and sending a failed one again. A retry queues
 * the delivery's own job under a new id, so it makes a fresh link where the email has one.
 *
 * @example
 * const page = await listDeliveries(env, { to: "ada@example.com", limit: 20 });
 * const again = await retryDelivery(env, page.deliveries[0].id); // { id, retryOf } | "not_found" | "not_failed"
 */
import type { AdminDelivery, DeliveriesQuery, DeliveriesResponse } from "../../../shared/admin-contract.ts";
import { emailAddressSchema } from "../../../shared/email-address.ts";
import { decodeBase64Url, encodeBase64Url } from "../crypto/encoding.ts";
import { enqueueMail, readMailJob, type NewMailJob } from "../jobs/mail-jobs.ts";
import type { MailKind } from "../mail/mail-message.ts";

export const ADMIN_DELIVERY_QUERIES = {
  // Newest first from the cursor (the last seq seen), through the recipient index or the rowid;
  // a NULL status or kind matches every row.
  listForRecipient: `SELECT seq, id, kind, status, to_address, attempts, last_error, created_at, updated_at FROM mail_deliveries
    WHERE to_address = ?1 AND seq < ?4 AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR kind = ?3)
    ORDER BY seq DESC LIMIT ?5`,
  listAll: `SELECT seq, id, kind, status, to_address, attempts, last_error, created_at, updated_at FROM mail_deliveries
    WHERE seq < ?3 AND (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR kind = ?2)
    ORDER BY seq DESC LIMIT ?4`,
  findJob: "SELECT status, job FROM mail_deliveries WHERE id = ?",
} as const;

interface DeliveryRow {
  seq: number;
  id: string;
  kind: MailKind;
  status: AdminDelivery["status"];
  to_address: string;
  attempts: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

/** One page of deliveries, newest first, and the cursor of the next one. */
export async function listDeliveries(env: Env, query: DeliveriesQuery): Promise<DeliveriesResponse> {
  // An address is stored as the mail went out: with its domain in ASCII (shared/email-address.ts).
  const to = query.to === undefined ? null : (emailAddressSchema.safeParse(query.to).data ?? query.to);
  const before = (query.cursor === undefined ? null : readCursor(query.cursor)) ?? Number.MAX_SAFE_INTEGER;
  const statement =
    to === null
      ? env.DB.prepare(ADMIN_DELIVERY_QUERIES.listAll).bind(query.status ?? null, query.kind ?? null, before, query.limit + 1)
      : env.DB.prepare(ADMIN_DELIVERY_QUERIES.listForRecipient).bind(to, query.status ?? null, query.kind ?? null, before, query.limit + 1);
  const { results } = await statement.all<DeliveryRow>();
  const page = results.slice(0, query.limit);
  const last = page.at(-1);
  return {
    deliveries: page.map(toDelivery),
    nextCursor: results.length > query.limit && last ? writeCursor(last.seq) : null,
  };
}

/** Sends a failed delivery again through the queue; its job makes a fresh link where it has one. */
export async function retryDelivery(env: Env, id: string): Promise<{ id: string; retryOf: string } | "not_found" | "not_failed"> {
  const row = await env.DB.prepare(ADMIN_DELIVERY_QUERIES.findJob).bind(id).first<{ status: string; job: string | null }>();
  if (!row) return "not_found";
  const job = row.status === "failed" && row.job ? readMailJob(safeParse(row.job)) : null;
  if (!job) return "not_failed";
  const { id: _failed, ...again } = job;
  const newId = await enqueueMail(env, again as NewMailJob);
  return { id: newId, retryOf: id };
}

function toDelivery(row: DeliveryRow): AdminDelivery {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    to: row.to_address,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function writeCursor(seq: number): string {
  return encodeBase64Url(new TextEncoder().encode(String(seq)));
}

/** The seq a cursor names; a cursor that is not ours starts from the newest. */
function readCursor(cursor: string): number | null {
  const bytes = decodeBase64Url(cursor);
  const seq = bytes ? Number(new TextDecoder().decode(bytes)) : Number.NaN;
  return Number.isSafeInteger(seq) && seq > 0 ? seq : null;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
