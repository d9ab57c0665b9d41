/**
 * The scheduled purge: deletes rows that can no longer do anything. Expired reset tokens
 * (used or not), expired sessions and finished rate-limit windows go as soon as they expire;
 * captured outbox messages are kept for `OUTBOX_RETENTION_MS` so a developer can still read them.
 * Each delete walks an index on its time column, never the whole table.
 *
 * @example
 * await purgeExpiredRows(env, clock.now()); // { resetTokens: 3, sessions: 1, rateLimits: 7, outboxMessages: 0 }
 */

export const OUTBOX_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export const PURGE_QUERIES = {
  resetTokens: "DELETE FROM password_reset_tokens WHERE expires_at <= ?",
  sessions: "DELETE FROM sessions WHERE expires_at <= ?",
  rateLimits: "DELETE FROM rate_limits WHERE expires_at <= ?",
  outboxMessages: "DELETE FROM mail_outbox WHERE created_at < ?",
} as const;

export type PurgeCounts = Record<keyof typeof PURGE_QUERIES, number>;

/** Deletes every expired row as of `now` and returns how many went from each table. */
export async function purgeExpiredRows(env: Env, now: number): Promise<PurgeCounts> {
  const [resetTokens, sessions, rateLimits, outboxMessages] = await env.DB.batch([
    env.DB.prepare(PURGE_QUERIES.resetTokens).bind(now),
    env.DB.prepare(PURGE_QUERIES.sessions).bind(now),
    env.DB.prepare(PURGE_QUERIES.rateLimits).bind(now),
    env.DB.prepare(PURGE_QUERIES.outboxMessages).bind(now - OUTBOX_RETENTION_MS),
  ]);
  return {
    resetTokens: resetTokens?.meta.changes ?? 0,
    sessions: sessions?.meta.changes ?? 0,
    rateLimits: rateLimits?.meta.changes ?? 0,
    outboxMessages: outboxMessages?.meta.changes ?? 0,
  };
}
