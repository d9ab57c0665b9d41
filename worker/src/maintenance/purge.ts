/**
 * The scheduled purge: deletes rows that can no longer do anything. Expired reset tokens,
 * verification links and "this wasn't me" alert tokens (used or not), expired sessions,
 * rate-limit hits that have left their window and sign-in failure counts past their memory go as
 * soon as they expire, and so do networks and devices trusted for sign-in 30 days after their last
 * success. Sign-ups nobody confirmed go a day after their last sign-up, once no live verification
 * link is left, and so do staging rows the queue never got to. Captured outbox messages, delivery records and (development only)
 * notes on skipped requests are kept for `MAIL_RETENTION_MS` so a developer or operator can still
 * read them. Each delete walks an index on its time column, never the whole table.
 *
 * @example
 * await purgeExpiredRows(env, clock.now()); // { resetTokens: 3, sessions: 1, ... }
 */

export const MAIL_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** The operator API's audit records are kept for a year. */
export const AUDIT_RETENTION_MS = 365 * 24 * 60 * 60 * 1000;
/** How long an unconfirmed sign-up (the pending sign-up and its staging row) is kept: its link's lifetime. */
export const UNVERIFIED_RETENTION_MS = 24 * 60 * 60 * 1000;

export const PURGE_QUERIES = {
  resetTokens: "DELETE FROM password_reset_tokens WHERE expires_at <= ?",
  alertTokens: "DELETE FROM account_alerts WHERE expires_at <= ?",
  sessions: "DELETE FROM sessions WHERE expires_at <= ?",
  rateLimits: "DELETE FROM rate_limits WHERE expires_at <= ?",
  signInFailures: "DELETE FROM sign_in_failures WHERE expires_at <= ?",
  resetCodeGuesses: "DELETE FROM reset_code_guesses WHERE expires_at <= ?",
  verificationTokens: "DELETE FROM email_verifications WHERE expires_at <= ?",
  pendingSignUps: `DELETE FROM pending_sign_ups WHERE password_chosen_at <= ?1
    AND NOT EXISTS (SELECT 1 FROM email_verifications WHERE sign_up_id = pending_sign_ups.id AND expires_at > ?2)`,
  trustedClients: "DELETE FROM trusted_sign_in_clients WHERE expires_at <= ?",
  signUpRequests: "DELETE FROM sign_up_requests WHERE requested_at <= ?",
  outboxMessages: "DELETE FROM mail_outbox WHERE created_at < ?",
  deliveryRecords: "DELETE FROM mail_deliveries WHERE created_at < ?",
  skippedRequests: "DELETE FROM mail_skipped WHERE created_at < ?",
  // Events finished with (delivered, or given up on) go with the mail records; pending ones stay.
  webhookEvents: "DELETE FROM webhook_events WHERE status IN ('delivered', 'failed') AND updated_at < ?",
  adminAudit: "DELETE FROM admin_audit WHERE at < ?",
} as const;

export type PurgeCounts = Record<keyof typeof PURGE_QUERIES, number>;

/** Deletes every expired row as of `now`, in one batch, and returns how many went from each table. */
export async function purgeExpiredRows(env: Env, now: number): Promise<PurgeCounts> {
  const mailCutoff = now - MAIL_RETENTION_MS;
  const signUpCutoff = now - UNVERIFIED_RETENTION_MS;
  const statements: Record<keyof typeof PURGE_QUERIES, D1PreparedStatement> = {
    resetTokens: env.DB.prepare(PURGE_QUERIES.resetTokens).bind(now),
    alertTokens: env.DB.prepare(PURGE_QUERIES.alertTokens).bind(now),
    sessions: env.DB.prepare(PURGE_QUERIES.sessions).bind(now),
    rateLimits: env.DB.prepare(PURGE_QUERIES.rateLimits).bind(now),
    signInFailures: env.DB.prepare(PURGE_QUERIES.signInFailures).bind(now),
    resetCodeGuesses: env.DB.prepare(PURGE_QUERIES.resetCodeGuesses).bind(now),
    verificationTokens: env.DB.prepare(PURGE_QUERIES.verificationTokens).bind(now),
    pendingSignUps: env.DB.prepare(PURGE_QUERIES.pendingSignUps).bind(signUpCutoff, now),
    trustedClients: env.DB.prepare(PURGE_QUERIES.trustedClients).bind(now),
    signUpRequests: env.DB.prepare(PURGE_QUERIES.signUpRequests).bind(signUpCutoff),
    outboxMessages: env.DB.prepare(PURGE_QUERIES.outboxMessages).bind(mailCutoff),
    deliveryRecords: env.DB.prepare(PURGE_QUERIES.deliveryRecords).bind(mailCutoff),
    skippedRequests: env.DB.prepare(PURGE_QUERIES.skippedRequests).bind(mailCutoff),
    webhookEvents: env.DB.prepare(PURGE_QUERIES.webhookEvents).bind(mailCutoff),
    adminAudit: env.DB.prepare(PURGE_QUERIES.adminAudit).bind(now - AUDIT_RETENTION_MS),
  };
  const names = Object.keys(PURGE_QUERIES) as (keyof typeof PURGE_QUERIES)[];
  const results = await env.DB.batch(names.map((name) => statements[name]));
  return Object.fromEntries(names.map((name, index) => [name, results[index]?.meta.changes ?? 0])) as PurgeCounts;
}
