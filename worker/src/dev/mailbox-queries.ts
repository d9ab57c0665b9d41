/**
 * Reads the development outbox for /dev/mailbox: messages newest first, each with the status
 * of its delivery record. Messages created within the same millisecond keep their send order
 * because the order is the insertion sequence, not the timestamp.
 */
import type { DeliveryStatus } from "../mail/delivery-records.ts";

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The Content-Language the message was sent with. */
  contentLanguage: string | null;
  createdAt: number;
  delivery: { status: DeliveryStatus; attempts: number; lastError: string | null } | null;
}

interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  content_language: string | null;
  created_at: number;
  status: DeliveryStatus | null;
  attempts: number | null;
  last_error: string | null;
}

const SELECT_MESSAGES = `SELECT o.id, o.to_address, o.subject, o.text_body, o.html_body, o.content_language, o.created_at,
  d.status, d.attempts, d.last_error
  FROM mail_outbox o LEFT JOIN mail_deliveries d ON d.id = o.id`;

export const MAILBOX_QUERIES = {
  listForRecipient: `${SELECT_MESSAGES} WHERE o.to_address = ? ORDER BY o.seq DESC LIMIT ?`,
  listLatest: `${SELECT_MESSAGES} ORDER BY o.seq DESC LIMIT ?`,
  findById: `${SELECT_MESSAGES} WHERE o.id = ?`,
} as const;

/** Lists outbox messages newest first, for one recipient (any ASCII case) or for everyone. */
export async function listOutboxMessages(env: Env, options: { to?: string; limit: number }): Promise<OutboxMessage[]> {
  const statement =
    options.to === undefined
      ? env.DB.prepare(MAILBOX_QUERIES.listLatest).bind(options.limit)
      : env.DB.prepare(MAILBOX_QUERIES.listForRecipient).bind(options.to, options.limit);
  const { results } = await statement.all<OutboxRow>();
  return results.map(toMessage);
}

/** Finds one outbox message, or null. */
export async function findOutboxMessage(env: Env, id: string): Promise<OutboxMessage | null> {
  const row = await env.DB.prepare(MAILBOX_QUERIES.findById).bind(id).first<OutboxRow>();
  return row ? toMessage(row) : null;
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    contentLanguage: row.content_language,
    createdAt: row.created_at,
    delivery: row.status === null ? null : { status: row.status, attempts: row.attempts ?? 0, lastError: row.last_error },
  };
}
