/**
 * Storage of reset tokens in D1. A token exists in clear only in the email; the table holds its
 * SHA-256 hash. An account has at most one live token: creating one deletes the others in the
 * same batch. Each row keeps the keyed hash of the network the link was asked for from
 * (requester-network.ts), which is all a sign-in may revoke. Every query lives in
 * `RESET_TOKEN_QUERIES` so the schema test can plan it.
 */
import { announceWebhookEvents, describeWebhookEvent, insertWebhookEventWhere } from "../webhooks/webhook-events.ts";
import type { ResetClient } from "../../../shared/contract.ts";
import { PASSWORD_STILL_USABLE } from "../accounts/accounts.ts";

export const RESET_TOKEN_QUERIES = {
  // Used links stay until they expire, so opening one again can say it was used.
  deleteForAccount: "DELETE FROM password_reset_tokens WHERE account_id = ? AND used_at IS NULL",
  insert: `INSERT INTO password_reset_tokens (token_hash, account_id, client, created_at, expires_at, code_hash, requester_network)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  /**
   * A sign-in's revocation: only links asked for from the sign-in's network, and only while the
   * password it verified is still the account's and not locked (see `PASSWORD_STILL_USABLE`).
   */
  deleteFromNetworkIfPasswordUsable: `DELETE FROM password_reset_tokens
    WHERE account_id = ?1 AND requester_network = ?3 AND used_at IS NULL AND ${PASSWORD_STILL_USABLE}`,
  /** After a change of password: the live links, only once the new hash `?2` is in place. */
  deleteLiveIfPasswordIs: `DELETE FROM password_reset_tokens WHERE account_id = ?1 AND used_at IS NULL
    AND EXISTS (SELECT 1 FROM accounts WHERE id = ?1 AND password_hash = ?2)`,
  // An emailed link always has its code's hash; the fresh token a code is traded for has none.
  findLive: `SELECT token_hash, account_id, client, expires_at, code_hash IS NULL AS from_code FROM password_reset_tokens
    WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`,
  findUsed: "SELECT 1 AS used FROM password_reset_tokens WHERE token_hash = ? AND used_at IS NOT NULL",
  // The four statements below are one confirm batch. The first claims the token with a nonce;
  // the rest only act where that nonce is present, so a batch that lost the race changes nothing.
  claim: `UPDATE password_reset_tokens SET used_at = ?, claim = ?
    WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`,
  // A completed reset also lifts the lock "this wasn't me" put on the old password.
  setPasswordIfClaimed: `UPDATE accounts SET password_hash = ?1, password_changed_at = ?2, password_locked_at = NULL
    WHERE id = ?3 AND EXISTS (SELECT 1 FROM password_reset_tokens WHERE token_hash = ?4 AND claim = ?5)`,
  deleteOthersIfClaimed: `DELETE FROM password_reset_tokens
    WHERE account_id = ? AND token_hash <> ? AND used_at IS NULL
    AND EXISTS (SELECT 1 FROM password_reset_tokens WHERE token_hash = ? AND claim = ?)`,
  deleteSessionsIfClaimed: `DELETE FROM sessions
    WHERE account_id = ? AND EXISTS (SELECT 1 FROM password_reset_tokens WHERE token_hash = ? AND claim = ?)`,
  // The confirm batch's `password_reset.completed` event: stored only if that batch claimed the token.
  resetCompletedEvent: insertWebhookEventWhere("EXISTS (SELECT 1 FROM password_reset_tokens WHERE token_hash = ?1 AND claim = ?2)"),
} as const;

export interface ResetTokenRecord {
  tokenHash: string;
  accountId: string;
  /** Where the reset was asked for; the pages offer the desktop app only for "desktop". */
  client: ResetClient;
  expiresAt: number;
  /** "code" for the token an emailed code was traded for, "link" for the emailed link's own. */
  method: "link" | "code";
}

/**
 * Stores a new token hash (and the keyed hash of its one-time code, if any) for an account and
 * deletes every older one, atomically, together with any statements the caller adds. Without a
 * `requesterNetwork` no sign-in ever revokes the link.
 */
export async function storeResetToken(
  env: Env,
  input: {
    tokenHash: string;
    accountId: string;
    client: ResetClient;
    createdAt: number;
    expiresAt: number;
    codeHash?: string;
    requesterNetwork?: string | null;
  },
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
      input.requesterNetwork ?? null,
    ),
    ...alongside,
  ]);
}

/**
 * The statement a successful sign-in batches with its new session: it deletes the account's
 * links that were asked for from `signInNetwork`, as long as `verifiedPasswordHash` is still the
 * account's usable password. A sign-in from a network that cannot be parsed revokes nothing.
 */
export function prepareSignInRevocation(
  env: Env,
  input: { accountId: string; verifiedPasswordHash: string; signInNetwork: string | null },
): D1PreparedStatement {
  return env.DB.prepare(RESET_TOKEN_QUERIES.deleteFromNetworkIfPasswordUsable).bind(
    input.accountId,
    input.verifiedPasswordHash,
    // NULL never equals anything in SQL, so an unparseable network matches no link.
    input.signInNetwork,
  );
}

/** Finds an unused, unexpired token by its hash, or null. */
export async function findLiveResetToken(env: Env, tokenHash: string, now: number): Promise<ResetTokenRecord | null> {
  const row = await env.DB.prepare(RESET_TOKEN_QUERIES.findLive)
    .bind(tokenHash, now)
    .first<{ token_hash: string; account_id: string; client: string; expires_at: number; from_code: number }>();
  if (!row) return null;
  return {
    tokenHash: row.token_hash,
    accountId: row.account_id,
    client: readClient(row.client),
    expiresAt: row.expires_at,
    method: row.from_code ? "code" : "link",
  };
}

/** Whether a token was used (to set a password, or traded for a fresh token by its code); false for unknown ones. */
export async function isResetTokenUsed(env: Env, tokenHash: string): Promise<boolean> {
  return (await env.DB.prepare(RESET_TOKEN_QUERIES.findUsed).bind(tokenHash).first()) !== null;
}

function readClient(value: string): ResetClient {
  return value === "desktop" ? "desktop" : "web";
}

/**
 * Uses a token to set a new password in one atomic batch: marks the token used, stores the
 * hash, deletes the account's other reset tokens and every session. Returns false, having changed nothing, when the token was already
 * used, expired or claimed by a concurrent batch.
 */
export async function claimResetTokenAndSetPassword(
  env: Env,
  input: { tokenHash: string; accountId: string; email: string; client: ResetClient; method: "link" | "code"; passwordHash: string; claim: string; now: number },
): Promise<boolean> {
  const { tokenHash, accountId, passwordHash, claim, now } = input;
  // The `password_reset.completed` event is stored by the batch that sets the password, only if it wins.
  const event = describeWebhookEvent(
    env,
    "password_reset.completed",
    `password_reset.completed:${tokenHash}`,
    { accountId, email: input.email, method: input.method, client: input.client },
    now,
  );
  const [claimed] = await env.DB.batch([
    env.DB.prepare(RESET_TOKEN_QUERIES.claim).bind(now, claim, tokenHash, now),
    env.DB.prepare(RESET_TOKEN_QUERIES.setPasswordIfClaimed).bind(passwordHash, now, accountId, tokenHash, claim),
    env.DB.prepare(RESET_TOKEN_QUERIES.deleteOthersIfClaimed).bind(accountId, tokenHash, tokenHash, claim),
    env.DB.prepare(RESET_TOKEN_QUERIES.deleteSessionsIfClaimed).bind(accountId, tokenHash, claim),
    ...(event ? [env.DB.prepare(RESET_TOKEN_QUERIES.resetCompletedEvent).bind(...event.values, tokenHash, claim)] : []),
  ]);
  const won = claimed?.meta.changes === 1;
  if (won) await announceWebhookEvents(env, [event]);
  return won;
}
