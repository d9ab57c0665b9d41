/**
 * Storage of reset tokens in D1. A token exists in clear only in the email; the table holds its
 * SHA-256 hash. An account has at most one live token: creating one deletes the others in the
 * same batch. Every query lives in `RESET_TOKEN_QUERIES` so the schema test can plan it.
 */
import type { ResetClient } from "../../../shared/contract.ts";

export const RESET_TOKEN_QUERIES = {
  deleteForAccount: "DELETE FROM password_reset_tokens WHERE account_id = ?",
  insert: `INSERT INTO password_reset_tokens (token_hash, account_id, client, created_at, expires_at, code_hash)
    VALUES (?, ?, ?, ?, ?, ?)`,
  findLive: `SELECT token_hash, account_id, client, expires_at FROM password_reset_tokens
    WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`,
  findUsedSince: `SELECT account_id, client FROM password_reset_tokens
    WHERE token_hash = ? AND used_at IS NOT NULL AND used_at >= ?`,
  // The five statements below are one confirm batch. The first claims the token with a nonce;
  // the rest only act where that nonce is present, so a batch that lost the race changes nothing.
  // The reset link reached the mailbox, so the batch also marks the address verified and ends
  // its verification links: that is how the owner of a pre-registered address takes it back.
  claim: `UPDATE password_reset_tokens SET used_at = ?, claim = ?
    WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`,
  setPasswordIfClaimed: `UPDATE accounts
    SET password_hash = ?1, password_changed_at = ?2, email_verified_at = COALESCE(email_verified_at, ?2)
    WHERE id = ?3 AND EXISTS (SELECT 1 FROM password_reset_tokens WHERE token_hash = ?4 AND claim = ?5)`,
  deleteVerificationsIfClaimed: `DELETE FROM email_verifications
    WHERE account_id = ? AND EXISTS (SELECT 1 FROM password_reset_tokens WHERE token_hash = ? AND claim = ?)`,
  deleteOthersIfClaimed: `DELETE FROM password_reset_tokens
    WHERE account_id = ? AND token_hash <> ?
    AND EXISTS (SELECT 1 FROM password_reset_tokens WHERE token_hash = ? AND claim = ?)`,
  deleteSessionsIfClaimed: `DELETE FROM sessions
    WHERE account_id = ? AND EXISTS (SELECT 1 FROM password_reset_tokens WHERE token_hash = ? AND claim = ?)`,
} as const;

export interface ResetTokenRecord {
  tokenHash: string;
  accountId: string;
  /** Where the reset was asked for; the pages offer the desktop app only for "desktop". */
  client: ResetClient;
  expiresAt: number;
}

/**
 * Stores a new token hash (and the keyed hash of its one-time code, if any) for an account and
 * deletes every older one, atomically, together with any statements the caller adds.
 */
export async function storeResetToken(
  env: Env,
  input: { tokenHash: string; accountId: string; client: ResetClient; createdAt: number; expiresAt: number; codeHash?: string },
  alongside: readonly D1PreparedStatement[] = [],
): Promise<void> {
  await env.DB.batch([
    env.DB.prepare(RESET_TOKEN_QUERIES.deleteForAccount).bind(input.accountId),
    env.DB.prepare(RESET_TOKEN_QUERIES.insert).bind(
      input.tokenHash,
      input.accountId,
      input.client,
      input.createdAt,
      input.expiresAt,
      input.codeHash ?? null,
    ),
    ...alongside,
  ]);
}

/** The statement that deletes every reset token of an account, for callers that batch it. */
export function prepareResetTokenRevocation(env: Env, accountId: string): D1PreparedStatement {
  return env.DB.prepare(RESET_TOKEN_QUERIES.deleteForAccount).bind(accountId);
}

/** Finds an unused, unexpired token by its hash, or null. */
export async function findLiveResetToken(env: Env, tokenHash: string, now: number): Promise<ResetTokenRecord | null> {
  const row = await env.DB.prepare(RESET_TOKEN_QUERIES.findLive)
    .bind(tokenHash, now)
    .first<{ token_hash: string; account_id: string; client: string; expires_at: number }>();
  if (!row) return null;
  return { tokenHash: row.token_hash, accountId: row.account_id, client: readClient(row.client), expiresAt: row.expires_at };
}

/**
 * The account and client of a token that was used at or after `since`, or null. A browser that
 * posts the same form twice (a double click) sends the second request with the token the first
 * one used; this tells that repeat apart from a stale link, so it can see the success page again.
 */
export async function findResetTokenUsedSince(
  env: Env,
  tokenHash: string,
  since: number,
): Promise<{ accountId: string; client: ResetClient } | null> {
  const row = await env.DB.prepare(RESET_TOKEN_QUERIES.findUsedSince).bind(tokenHash, since).first<{ account_id: string; client: string }>();
  return row ? { accountId: row.account_id, client: readClient(row.client) } : null;
}

function readClient(value: string): ResetClient {
  return value === "desktop" ? "desktop" : "web";
}

/**
 * Uses a token to set a new password in one atomic batch: marks the token used, stores the
 * hash, marks the address verified, deletes the account's other reset tokens, its verification
 * links and every session. Returns false, having changed nothing, when the token was already
 * used, expired or claimed by a concurrent batch.
 */
export async function claimResetTokenAndSetPassword(
  env: Env,
  input: { tokenHash: string; accountId: string; passwordHash: string; claim: string; now: number },
): Promise<boolean> {
  const { tokenHash, accountId, passwordHash, claim, now } = input;
  const [claimed] = await env.DB.batch([
    env.DB.prepare(RESET_TOKEN_QUERIES.claim).bind(now, claim, tokenHash, now),
    env.DB.prepare(RESET_TOKEN_QUERIES.setPasswordIfClaimed).bind(passwordHash, now, accountId, tokenHash, claim),
    env.DB.prepare(RESET_TOKEN_QUERIES.deleteOthersIfClaimed).bind(accountId, tokenHash, tokenHash, claim),
    env.DB.prepare(RESET_TOKEN_QUERIES.deleteSessionsIfClaimed).bind(accountId, tokenHash, claim),
    env.DB.prepare(RESET_TOKEN_QUERIES.deleteVerificationsIfClaimed).bind(accountId, tokenHash, claim),
  ]);
  return claimed?.meta.changes === 1;
}
