/**
 * Storage of email verification links in D1. Like reset links, a token exists in clear only in
 * the email; the table holds its SHA-256 hash. A link belongs to a pending sign-up
 * (pending-sign-ups.ts), which has at most one live link: issuing one deletes the others in the
 * same batch. Every query lives in `VERIFICATION_QUERIES` so the schema test can plan it.
 *
 * Wrong passwords are counted before the password is checked and taken back on success, so
 * however many guesses arrive at once, no link ever has more than `MAX_WRONG_PASSWORDS`
 * passwords checked against it (the same reservation as the sign-in limits). A used link stays
 * until it expires, so opening it again can say the address is already confirmed.
 */
import { announceWebhookEvents, describeWebhookEvent, insertWebhookEventWhere } from "../webhooks/webhook-events.ts";

/** How long a verification link works: a day, enough to find the email the next morning. */
export const VERIFICATION_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
/** The fifth wrong password ends the link. */
export const MAX_WRONG_PASSWORDS = 5;

/** SQL that holds while pending sign-up `?1` still has the password hash `?2`. */
const SIGN_UP_HAS_PASSWORD = "EXISTS (SELECT 1 FROM pending_sign_ups WHERE id = ?1 AND password_hash = ?2)";
/** SQL that holds once the confirm batch holding nonce `?4` has claimed link `?3`. */
const CLAIMED = "EXISTS (SELECT 1 FROM email_verifications WHERE token_hash = ?3 AND claim = ?4)";

export const VERIFICATION_QUERIES = {
  // A new link replaces the older ones only while the pending sign-up still has the password of
  // the sign-up that sends it: a sign-up overtaken by a newer one sends nothing.
  deleteForSignUpWithPassword: `DELETE FROM email_verifications WHERE sign_up_id = ?1 AND ${SIGN_UP_HAS_PASSWORD}`,
  insertForSignUpWithPassword: `INSERT INTO email_verifications (token_hash, sign_up_id, created_at, expires_at)
    SELECT ?3, ?1, ?4, ?5 WHERE ${SIGN_UP_HAS_PASSWORD}`,
  findLive: `SELECT sign_up_id FROM email_verifications
    WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2 AND failed_attempts < ?3`,
  reserveAttempt: `UPDATE email_verifications SET failed_attempts = failed_attempts + 1
    WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2 AND failed_attempts < ?3 RETURNING sign_up_id`,
  // The four statements below are one confirm batch. The claim succeeds only while the pending
  // sign-up still has the password that was checked; the rest act only where that claim is
  // present. The account is born here, verified, under the pending sign-up's id.
  claim: `UPDATE email_verifications SET used_at = ?5, claim = ?4, failed_attempts = failed_attempts - 1
    WHERE token_hash = ?3 AND sign_up_id = ?1 AND used_at IS NULL AND expires_at > ?5 AND ${SIGN_UP_HAS_PASSWORD}`,
  createAccountIfClaimed: `INSERT INTO accounts (id, email, email_normalized, password_hash, created_at, password_changed_at, email_verified_at, locale)
    SELECT id, email, email_normalized, password_hash, ?5, password_chosen_at, ?5, locale FROM pending_sign_ups
    WHERE id = ?1 AND password_hash = ?2 AND ${CLAIMED}
    ON CONFLICT (email_normalized) DO NOTHING`,
  deleteOthersIfClaimed: `DELETE FROM email_verifications WHERE sign_up_id = ?1 AND token_hash <> ?3 AND ${CLAIMED}`,
  deleteSignUpIfClaimed: `DELETE FROM pending_sign_ups WHERE id = ?1 AND ${CLAIMED}`,
  findUsed: "SELECT 1 AS used FROM email_verifications WHERE token_hash = ? AND used_at IS NOT NULL",
  // The confirm batch's `account.verified` event: stored only if that batch created the account.
  accountVerifiedEvent: insertWebhookEventWhere(
    "EXISTS (SELECT 1 FROM email_verifications WHERE token_hash = ?1 AND claim = ?2) AND EXISTS (SELECT 1 FROM accounts WHERE id = ?3)",
  ),
} as const;

/**
 * Stores a new link's hash for a pending sign-up and deletes its older ones, atomically, if the
 * sign-up's password is still `passwordHash`. Returns false, having changed nothing, when a newer
 * sign-up has replaced that password or the address was confirmed meanwhile.
 */
export async function storeVerificationToken(
  env: Env,
  input: { tokenHash: string; signUpId: string; passwordHash: string; createdAt: number; expiresAt: number },
): Promise<boolean> {
  const { tokenHash, signUpId, passwordHash, createdAt, expiresAt } = input;
  const [, inserted] = await env.DB.batch([
    env.DB.prepare(VERIFICATION_QUERIES.deleteForSignUpWithPassword).bind(signUpId, passwordHash),
    env.DB.prepare(VERIFICATION_QUERIES.insertForSignUpWithPassword).bind(signUpId, passwordHash, tokenHash, createdAt, expiresAt),
  ]);
  return inserted?.meta.changes === 1;
}

/** The pending sign-up of a live link (unused, unexpired, wrong passwords left), or null. */
export async function findLiveVerificationToken(env: Env, tokenHash: string, now: number): Promise<{ signUpId: string } | null> {
  const row = await env.DB.prepare(VERIFICATION_QUERIES.findLive)
    .bind(tokenHash, now, MAX_WRONG_PASSWORDS)
    .first<{ sign_up_id: string }>();
  return row ? { signUpId: row.sign_up_id } : null;
}

/**
 * Counts one password attempt against a live link as wrong, before the password is checked;
 * `confirmSignUp` takes it back when the password was right. Returns false when the link is
 * unknown, used, expired or out of attempts.
 */
export async function reserveVerificationAttempt(env: Env, tokenHash: string, now: number): Promise<boolean> {
  const row = await env.DB.prepare(VERIFICATION_QUERIES.reserveAttempt).bind(tokenHash, now, MAX_WRONG_PASSWORDS).first();
  return row !== null;
}

/**
 * Uses a link in one atomic batch: marks it used, creates the verified account from the pending
 * sign-up, deletes the sign-up and its other links. Returns false, having created nothing, when
 * the link was used or expired meanwhile, the pending sign-up's password is no longer the one
 * that was checked, or the address got an account some other way.
 */
export async function confirmSignUp(
  env: Env,
  input: { tokenHash: string; signUpId: string; email: string; passwordHash: string; claim: string; now: number },
): Promise<boolean> {
  const { tokenHash, signUpId, email, passwordHash, claim, now } = input;
  // The `account.verified` event is stored by the batch that creates the account, only if it does.
  const event = describeWebhookEvent(env, "account.verified", `account.verified:${signUpId}`, { accountId: signUpId, email }, now);
  // D1 wants exactly as many values as the highest `?n` of a statement: the last two have no `?5`.
  const [, created] = await env.DB.batch([
    env.DB.prepare(VERIFICATION_QUERIES.claim).bind(signUpId, passwordHash, tokenHash, claim, now),
    env.DB.prepare(VERIFICATION_QUERIES.createAccountIfClaimed).bind(signUpId, passwordHash, tokenHash, claim, now),
    ...(event ? [env.DB.prepare(VERIFICATION_QUERIES.accountVerifiedEvent).bind(...event.values, tokenHash, claim, signUpId)] : []),
    env.DB.prepare(VERIFICATION_QUERIES.deleteOthersIfClaimed).bind(signUpId, passwordHash, tokenHash, claim),
    env.DB.prepare(VERIFICATION_QUERIES.deleteSignUpIfClaimed).bind(signUpId, passwordHash, tokenHash, claim),
  ]);
  const confirmed = created?.meta.changes === 1;
  if (confirmed) await announceWebhookEvents(env, [event]);
  return confirmed;
}

/** Whether a link was used to confirm its address; false for unknown ones. */
export async function isVerificationTokenUsed(env: Env, tokenHash: string): Promise<boolean> {
  return (await env.DB.prepare(VERIFICATION_QUERIES.findUsed).bind(tokenHash).first()) !== null;
}
