/**
 * Storage of email verification links in D1. Like reset links, a token exists in clear only in
 * the email; the table holds its SHA-256 hash. An account has at most one live link: issuing one
 * deletes the others in the same batch. Every query lives in `VERIFICATION_QUERIES` so the
 * schema test can plan it.
 *
 * Wrong passwords are counted before the password is checked and taken back on success, so
 * however many guesses arrive at once, no link ever has more than `MAX_WRONG_PASSWORDS`
 * passwords checked against it (the same reservation as the sign-in limits).
 */

/** How long a verification link works: a day, enough to find the email the next morning. */
export const VERIFICATION_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
/** The fifth wrong password ends the link. */
export const MAX_WRONG_PASSWORDS = 5;

export const VERIFICATION_QUERIES = {
  deleteForAccount: "DELETE FROM email_verifications WHERE account_id = ?",
  // A new link replaces the older ones only while the account, still unverified, has the password
  // of the sign-up that sends it: a sign-up overtaken by a newer one sends nothing.
  deleteForAccountWithPassword: `DELETE FROM email_verifications WHERE account_id = ?1
    AND EXISTS (SELECT 1 FROM accounts WHERE id = ?1 AND password_hash = ?2 AND email_verified_at IS NULL)`,
  insertForAccountWithPassword: `INSERT INTO email_verifications (token_hash, account_id, created_at, expires_at)
    SELECT ?3, ?1, ?4, ?5 WHERE EXISTS (SELECT 1 FROM accounts WHERE id = ?1 AND password_hash = ?2 AND email_verified_at IS NULL)`,
  findLive: `SELECT account_id FROM email_verifications
    WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2 AND failed_attempts < ?3`,
  reserveAttempt: `UPDATE email_verifications SET failed_attempts = failed_attempts + 1
    WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2 AND failed_attempts < ?3 RETURNING account_id`,
  // The three statements below are one verify batch. The claim succeeds only while the account
  // still has the password that was checked; the rest act only where that claim is present.
  claim: `UPDATE email_verifications SET used_at = ?1, claim = ?2, failed_attempts = failed_attempts - 1
    WHERE token_hash = ?3 AND account_id = ?4 AND used_at IS NULL AND expires_at > ?1
    AND EXISTS (SELECT 1 FROM accounts WHERE id = ?4 AND password_hash = ?5)`,
  markVerifiedIfClaimed: `UPDATE accounts SET email_verified_at = COALESCE(email_verified_at, ?1)
    WHERE id = ?2 AND EXISTS (SELECT 1 FROM email_verifications WHERE token_hash = ?3 AND claim = ?4)`,
  deleteOthersIfClaimed: `DELETE FROM email_verifications WHERE account_id = ?1 AND token_hash <> ?2
    AND EXISTS (SELECT 1 FROM email_verifications WHERE token_hash = ?2 AND claim = ?3)`,
  markVerified: "UPDATE accounts SET email_verified_at = COALESCE(email_verified_at, ?) WHERE id = ?",
  findUsedSince: "SELECT account_id FROM email_verifications WHERE token_hash = ?1 AND used_at IS NOT NULL AND used_at >= ?2",
} as const;

/**
 * Stores a new link's hash for an unverified account and deletes its older ones, atomically, if
 * the account's password is still `passwordHash`. Returns false, having changed nothing, when a
 * newer sign-up has replaced that password or the address was verified meanwhile.
 */
export async function storeVerificationToken(
  env: Env,
  input: { tokenHash: string; accountId: string; passwordHash: string; createdAt: number; expiresAt: number },
): Promise<boolean> {
  const { tokenHash, accountId, passwordHash, createdAt, expiresAt } = input;
  const [, inserted] = await env.DB.batch([
    env.DB.prepare(VERIFICATION_QUERIES.deleteForAccountWithPassword).bind(accountId, passwordHash),
    env.DB.prepare(VERIFICATION_QUERIES.insertForAccountWithPassword).bind(accountId, passwordHash, tokenHash, createdAt, expiresAt),
  ]);
  return inserted?.meta.changes === 1;
}

/** The account of a live link (unused, unexpired, wrong passwords left), or null. */
export async function findLiveVerificationToken(env: Env, tokenHash: string, now: number): Promise<{ accountId: string } | null> {
  const row = await env.DB.prepare(VERIFICATION_QUERIES.findLive)
    .bind(tokenHash, now, MAX_WRONG_PASSWORDS)
    .first<{ account_id: string }>();
  return row ? { accountId: row.account_id } : null;
}

/**
 * Counts one password attempt against a live link as wrong, before the password is checked;
 * `claimVerificationToken` takes it back when the password was right. Returns the link's
 * account, or null when the link is unknown, used, expired or out of attempts.
 */
export async function reserveVerificationAttempt(env: Env, tokenHash: string, now: number): Promise<{ accountId: string } | null> {
  const row = await env.DB.prepare(VERIFICATION_QUERIES.reserveAttempt)
    .bind(tokenHash, now, MAX_WRONG_PASSWORDS)
    .first<{ account_id: string }>();
  return row ? { accountId: row.account_id } : null;
}

/**
 * Uses a link in one atomic batch: marks it used, marks the address verified and deletes the
 * account's other links. Returns false, having changed nothing, when the link was used or
 * expired meanwhile, or the account's password is no longer the one that was checked.
 */
export async function claimVerificationToken(
  env: Env,
  input: { tokenHash: string; accountId: string; passwordHash: string; claim: string; now: number },
): Promise<boolean> {
  const { tokenHash, accountId, passwordHash, claim, now } = input;
  const [claimed] = await env.DB.batch([
    env.DB.prepare(VERIFICATION_QUERIES.claim).bind(now, claim, tokenHash, accountId, passwordHash),
    env.DB.prepare(VERIFICATION_QUERIES.markVerifiedIfClaimed).bind(now, accountId, tokenHash, claim),
    env.DB.prepare(VERIFICATION_QUERIES.deleteOthersIfClaimed).bind(accountId, tokenHash, claim),
  ]);
  return claimed?.meta.changes === 1;
}

/** Marks an address verified without a link and deletes its links (the development seed). */
export async function markAccountVerified(env: Env, accountId: string, now: number): Promise<void> {
  await env.DB.batch([
    env.DB.prepare(VERIFICATION_QUERIES.markVerified).bind(now, accountId),
    env.DB.prepare(VERIFICATION_QUERIES.deleteForAccount).bind(accountId),
  ]);
}

/**
 * The account of a link that was used at or after `since`, or null. A browser that sends the
 * confirming form twice (a double click, or a reload of the answer) repeats a token the first
 * request used; this tells that repeat apart from a stale link.
 */
export async function findVerificationTokenUsedSince(env: Env, tokenHash: string, since: number): Promise<{ accountId: string } | null> {
  const row = await env.DB.prepare(VERIFICATION_QUERIES.findUsedSince).bind(tokenHash, since).first<{ account_id: string }>();
  return row ? { accountId: row.account_id } : null;
}
