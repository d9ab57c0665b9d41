/**
 * Development notes on reset requests and sign-ups that sent nothing: the address as typed and
 * why (no such account, the per-address limit, or a newer sign-up for the address). /dev/mailbox
 * shows them, because in development "no email arrived" is otherwise a mystery. Only the
 * consumer writes them, and only in development: in production the typed address of someone
 * without an account is never stored.
 *
 * "request_gone" (a sign-up whose stored request was already handled) has no address to note.
 */
export type SkipReason = "no_account" | "address_limit" | "superseded" | "request_gone";

export interface SkippedRequest {
  id: string;
  to: string;
  reason: SkipReason;
  createdAt: number;
}

interface SkippedRow {
  id: string;
  to_address: string;
  reason: SkipReason;
  created_at: number;
}

export const SKIPPED_QUERIES = {
  insert: "INSERT INTO mail_skipped (id, to_address, reason, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
  listForRecipient: "SELECT id, to_address, reason, created_at FROM mail_skipped WHERE to_address = ? ORDER BY seq DESC LIMIT ?",
  listLatest: "SELECT id, to_address, reason, created_at FROM mail_skipped ORDER BY seq DESC LIMIT ?",
} as const;

/** Notes a skipped request; the caller checks that this is development. */
export async function recordSkippedRequest(env: Env, skipped: SkippedRequest): Promise<void> {
  await env.DB.prepare(SKIPPED_QUERIES.insert).bind(skipped.id, skipped.to, skipped.reason, skipped.createdAt).run();
}

/** Lists skipped requests newest first, for one address (any ASCII case) or for everyone. */
export async function listSkippedRequests(env: Env, options: { to?: string; limit: number }): Promise<SkippedRequest[]> {
  const statement =
    options.to === undefined
      ? env.DB.prepare(SKIPPED_QUERIES.listLatest).bind(options.limit)
      : env.DB.prepare(SKIPPED_QUERIES.listForRecipient).bind(options.to, options.limit);
  const { results } = await statement.all<SkippedRow>();
  return results.map((row) => ({ id: row.id, to: row.to_address, reason: row.reason, createdAt: row.created_at }));
}
