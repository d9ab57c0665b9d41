/**
 * Bearer sessions. The client holds a random token; D1 holds only its SHA-256 hash, the account
 * and an expiry. Validation returns null on every failure path and never throws.
 * Sessions last `SESSION_TTL_MS` (30 days) from sign-in and are not extended by use. Every query
 * lives in `SESSION_QUERIES` so the schema test can plan it.
 */
import { isTokenShape } from "../../../shared/token-shape.ts";
import { findAccountById, PASSWORD_STILL_USABLE, type Account } from "../accounts/accounts.ts";
import { generateToken, hashToken } from "../crypto/token.ts";
import { clock } from "../platform/clock.ts";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export const SESSION_QUERIES = {
  insert: "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
  /** A sign-in's session: stored only while the password it verified is usable (see `prepareSignInSession`). */
  insertIfPasswordUsable: `INSERT INTO sessions (token_hash, account_id, created_at, expires_at)
     SELECT ?3, ?1, ?4, ?5 WHERE ${PASSWORD_STILL_USABLE}`,
  findByTokenHash: "SELECT token_hash, account_id, created_at, expires_at FROM sessions WHERE token_hash = ?",
  deleteByTokenHash: "DELETE FROM sessions WHERE token_hash = ?",
  deleteForAccount: "DELETE FROM sessions WHERE account_id = ?",
  /** After a change of password: every session but the one that changed it, only once the new hash `?3` is in place. */
  deleteOthersIfPasswordIs: `DELETE FROM sessions WHERE account_id = ?1 AND token_hash <> ?2
    AND EXISTS (SELECT 1 FROM accounts WHERE id = ?1 AND password_hash = ?3)`,
} as const;

export interface Session {
  tokenHash: string;
  accountId: string;
  createdAt: number;
  expiresAt: number;
}

interface SessionRow {
  token_hash: string;
  account_id: string;
  created_at: number;
  expires_at: number;
}

/** Starts a session for an account; the token is returned once and never stored. */
export async function createSession(env: Env, accountId: string): Promise<{ token: string; session: Session }> {
  const { token, session, statement } = await prepareSession(env, accountId);
  await statement.run();
  return { token, session };
}

/** Makes a new token and the statement that stores its session, for callers that batch it. */
export async function prepareSession(
  env: Env,
  accountId: string,
): Promise<{ token: string; session: Session; statement: D1PreparedStatement }> {
  const { token, session } = await newSession(accountId);
  const statement = env.DB.prepare(SESSION_QUERIES.insert)
    .bind(session.tokenHash, session.accountId, session.createdAt, session.expiresAt);
  return { token, session, statement };
}

/**
 * Like `prepareSession`, for a sign-in: the statement stores the session only while the account
 * still has the password hash the sign-in verified and no lock. Checking the password takes a
 * while; a reset or "this wasn't me" that lands meanwhile must not be followed by a session
 * opened with the old password. The statement then changes no row.
 */
export async function prepareSignInSession(
  env: Env,
  input: { accountId: string; verifiedPasswordHash: string },
): Promise<{ token: string; session: Session; statement: D1PreparedStatement }> {
  const { token, session } = await newSession(input.accountId);
  const statement = env.DB.prepare(SESSION_QUERIES.insertIfPasswordUsable)
    .bind(input.accountId, input.verifiedPasswordHash, session.tokenHash, session.createdAt, session.expiresAt);
  return { token, session, statement };
}

async function newSession(accountId: string): Promise<{ token: string; session: Session }> {
  const token = generateToken();
  const now = clock.now();
  return { token, session: { tokenHash: await hashToken(token), accountId, createdAt: now, expiresAt: now + SESSION_TTL_MS } };
}

/** Returns the live session and its account for a bearer token, or null. */
export async function validateSessionToken(env: Env, token: string): Promise<{ account: Account; session: Session } | null> {
  // Anything without the shape of our tokens is refused before any lookup.
  if (!isTokenShape(token)) return null;
  const row = await env.DB.prepare(SESSION_QUERIES.findByTokenHash)
    .bind(await hashToken(token))
    .first<SessionRow>();
  if (!row || row.expires_at <= clock.now()) return null;
  const account = await findAccountById(env, row.account_id);
  if (!account) return null;
  return {
    account,
    session: { tokenHash: row.token_hash, accountId: row.account_id, createdAt: row.created_at, expiresAt: row.expires_at },
  };
}

/** Ends one session (sign-out). */
export async function invalidateSession(env: Env, tokenHash: string): Promise<void> {
  await env.DB.prepare(SESSION_QUERIES.deleteByTokenHash).bind(tokenHash).run();
}

/** Ends every session of an account ("sign out everywhere"). */
export async function invalidateAccountSessions(env: Env, accountId: string): Promise<void> {
  await env.DB.prepare(SESSION_QUERIES.deleteForAccount).bind(accountId).run();
}
