/**
 * Tokens behind the "this wasn't me" link of the "password changed" email. Like reset tokens
 * they are 32 random bytes; only their SHA-256 hash is stored, they expire after
 * `ALERT_TOKEN_TTL_MS` and can be used once.
 */
import { isResetTokenShape } from "../../../shared/reset-token.ts";
import { generateToken, hashToken } from "../crypto/token.ts";
import { clock } from "../platform/clock.ts";

/** Long enough for someone who reads mail once a week; short enough not to linger. */
export const ALERT_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const ALERT_QUERIES = {
  insert: "INSERT INTO account_alerts (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
  findLive: "SELECT account_id FROM account_alerts WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
  consume:
    "UPDATE account_alerts SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING account_id",
} as const;

/** Creates an alert token for an account and returns it; only its hash is kept. */
export async function createAlertToken(env: Env, accountId: string): Promise<{ token: string; expiresAt: number }> {
  const token = generateToken();
  const now = clock.now();
  const expiresAt = now + ALERT_TOKEN_TTL_MS;
  await env.DB.prepare(ALERT_QUERIES.insert).bind(await hashToken(token), accountId, now, expiresAt).run();
  return { token, expiresAt };
}

/** Returns the account id behind a live alert token without using it up, or null. */
export async function findAlertAccountId(env: Env, token: unknown): Promise<string | null> {
  // Alert tokens have the same shape as reset tokens; anything else is refused before any lookup.
  if (!isResetTokenShape(token)) return null;
  const row = await env.DB.prepare(ALERT_QUERIES.findLive)
    .bind(await hashToken(token), clock.now())
    .first<{ account_id: string }>();
  return row?.account_id ?? null;
}

/** Marks a live alert token used and returns its account id; null when unknown, expired or used. */
export async function consumeAlertToken(env: Env, token: unknown): Promise<string | null> {
  if (!isResetTokenShape(token)) return null;
  const now = clock.now();
  const row = await env.DB.prepare(ALERT_QUERIES.consume)
    .bind(now, await hashToken(token), now)
    .first<{ account_id: string }>();
  return row?.account_id ?? null;
}
