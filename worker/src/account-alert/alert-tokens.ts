/**
 * Tokens behind the "this wasn't me" link of the "password changed" email. Like reset tokens
 * they are 32 random bytes; only their SHA-256 hash is stored, they expire after
 * `ALERT_TOKEN_TTL_MS` and can be used once.
 */
import { isTokenShape } from "../../../shared/token-shape.ts";
import { generateToken, hashToken } from "../crypto/token.ts";
import { clock } from "../platform/clock.ts";

/** Long enough for someone who reads mail once a week; short enough not to linger. */
export const ALERT_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const ALERT_QUERIES = {
  insert: "INSERT INTO account_alerts (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
  findLive: "SELECT account_id FROM account_alerts WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
  consume:
    "UPDATE account_alerts SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2 RETURNING account_id",
} as const;

/**
 * SQL for the account of the alert `?1` (its hash) used at `?2`: statements batched with a
 * consume use it to act on that account only when the consume, just before them, used the token.
 * (Two uses of one token in the same millisecond would both match; the batched actions are
 * idempotent, so the second repeats the first and nothing more.)
 */
export const USED_ALERT_ACCOUNT = "SELECT account_id FROM account_alerts WHERE token_hash = ?1 AND used_at = ?2";

/** The token of an alert being used and the time it is marked used, for batched statements. */
export interface AlertUse {
  tokenHash: string;
  usedAt: number;
}

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
  // Anything without the shape of our tokens is refused before any lookup.
  if (!isTokenShape(token)) return null;
  const row = await env.DB.prepare(ALERT_QUERIES.findLive)
    .bind(await hashToken(token), clock.now())
    .first<{ account_id: string }>();
  return row?.account_id ?? null;
}

/**
 * Marks a live alert token used and returns its account id; null when unknown, expired or used.
 * `alongside` builds statements that run in the same D1 batch, right after the token is marked:
 * they bind the `AlertUse` as `?1, ?2` and find their account with `USED_ALERT_ACCOUNT`, so they
 * change nothing unless this call used the token, and nothing happens unless all of them do.
 */
export async function consumeAlertToken(
  env: Env,
  token: unknown,
  alongside: (use: AlertUse) => D1PreparedStatement[] = () => [],
): Promise<string | null> {
  if (!isTokenShape(token)) return null;
  const use: AlertUse = { tokenHash: await hashToken(token), usedAt: clock.now() };
  const [consumed] = await env.DB.batch([env.DB.prepare(ALERT_QUERIES.consume).bind(use.tokenHash, use.usedAt), ...alongside(use)]);
  const row = (consumed?.results as { account_id: string }[] | undefined)?.[0];
  return row?.account_id ?? null;
}
