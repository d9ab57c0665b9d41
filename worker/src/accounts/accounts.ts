/**
 * Account storage in D1. Lookups go through `email_normalized` (trimmed, ASCII lower-case), but
 * `email` keeps the address as registered: mail goes there, never to what someone typed.
 * Every account's address is proven: a sign-up becomes an account only once its link is used
 * with its password (pending-sign-ups.ts, email-verification.ts). Query functions take `env` first and return a domain object or null. Every query lives in
 * `ACCOUNT_QUERIES` so the schema test can plan it.
 *
 * A password can be locked: "this wasn't me" sets `password_locked_at`, after which the stored
 * hash signs in to nothing until a completed reset replaces it (account-alert/).
 */
import { normalizeEmail } from "../../../shared/email-address.ts";
import { findLocale, type Locale } from "../../../shared/i18n/locales.ts";
import { insertWebhookEventWhere } from "../webhooks/webhook-events.ts";
import { clock } from "../platform/clock.ts";
import { random } from "../platform/random.ts";
import { encodeHex } from "../crypto/encoding.ts";

export interface Account {
  id: string;
  email: string;
  emailNormalized: string;
  passwordHash: string;
  createdAt: number;
  passwordChangedAt: number;
  /** When "this wasn't me" made the stored password unusable; null while it works. */
  passwordLockedAt: number | null;
  /** When the address was proven: the sign-up's link used, or the account made directly (the development seed). */
  emailVerifiedAt: number;
  /** The language the person last used, for emails nothing asked for just then; null when never stated. */
  locale: Locale | null;
  /** When the account last signed in successfully; null before the first time. */
  lastSignInAt: number | null;
}

interface AccountRow {
  id: string;
  email: string;
  email_normalized: string;
  password_hash: string;
  created_at: number;
  password_changed_at: number;
  password_locked_at: number | null;
  email_verified_at: number;
  locale: string | null;
  last_sign_in_at: number | null;
}

/** The columns an account is created with directly; a new password is never locked. */
const CREATED_COLUMNS = "id, email, email_normalized, password_hash, created_at, password_changed_at, email_verified_at";
const ACCOUNT_COLUMNS = `${CREATED_COLUMNS}, password_locked_at, locale, last_sign_in_at`;

/**
 * SQL that holds while account `?1` still has the password hash `?2` and no lock. A sign-in
 * verifies the password first, which takes a while; the statements that then start its session
 * carry this condition, so a reset or "this wasn't me" that lands during the hash wins.
 */
export const PASSWORD_STILL_USABLE =
  "EXISTS (SELECT 1 FROM accounts WHERE id = ?1 AND password_hash = ?2 AND password_locked_at IS NULL)";

export const ACCOUNT_QUERIES = {
  findByEmail: `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE email_normalized = ?`,
  findById: `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`,
  // ON CONFLICT DO NOTHING makes "check then insert" one statement, so two racing sign-ups
  // for the same address cannot both succeed.
  insert: `INSERT INTO accounts (${CREATED_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (email_normalized) DO NOTHING RETURNING ${ACCOUNT_COLUMNS}`,
  upgradePasswordHash: "UPDATE accounts SET password_hash = ? WHERE id = ? AND password_hash = ?",
  // A signed-in change of password: only while the password that was checked is still the account's and not locked.
  changePassword: `UPDATE accounts SET password_hash = ?1, password_changed_at = ?2
    WHERE id = ?3 AND password_hash = ?4 AND password_locked_at IS NULL`,
  // A change of password's `password.changed` event: stored only if that batch changed it.
  passwordChangedEvent: insertWebhookEventWhere("EXISTS (SELECT 1 FROM accounts WHERE id = ?1 AND password_hash = ?2 AND password_changed_at = ?3)"),
  // Batched with the new session's insert: only a sign-in that got its session counts.
  recordSignIn: "UPDATE accounts SET last_sign_in_at = ?1 WHERE id = ?2 AND EXISTS (SELECT 1 FROM sessions WHERE token_hash = ?3)",
  // Written only when it changes, so a sign-in in the same language as before costs no write.
  rememberLocale: "UPDATE accounts SET locale = ?1 WHERE id = ?2 AND locale IS NOT ?1",
} as const;

/** Finds the account registered under an address, matching case-insensitively. */
export async function findAccountByEmail(env: Env, email: string): Promise<Account | null> {
  const row = await env.DB.prepare(ACCOUNT_QUERIES.findByEmail)
    .bind(normalizeEmail(email))
    .first<AccountRow>();
  return row ? toAccount(row) : null;
}

/** Finds an account by its id. */
export async function findAccountById(env: Env, id: string): Promise<Account | null> {
  const row = await env.DB.prepare(ACCOUNT_QUERIES.findById).bind(id).first<AccountRow>();
  return row ? toAccount(row) : null;
}

/**
 * Creates a verified account directly, or returns null when the normalised address is already
 * registered. Only the development seed does this; everyone else confirms a sign-up.
 */
export async function createAccount(env: Env, input: { email: string; passwordHash: string }): Promise<Account | null> {
  const now = clock.now();
  const email = input.email.trim();
  const row = await env.DB.prepare(ACCOUNT_QUERIES.insert)
    .bind(generateAccountId(), email, normalizeEmail(email), input.passwordHash, now, now, now)
    .first<AccountRow>();
  return row ? toAccount(row) : null;
}

/**
 * Replaces the stored hash of an unchanged password with one made under newer parameters.
 * Not a password change, so `password_changed_at` stays; the old hash must still be current,
 * so a concurrent password reset is never overwritten.
 */
export async function upgradePasswordHash(env: Env, account: Account, passwordHash: string): Promise<void> {
  await env.DB.prepare(ACCOUNT_QUERIES.upgradePasswordHash)
    .bind(passwordHash, account.id, account.passwordHash)
    .run();
}

/** Keeps `locale` as the language of the account's later emails. */
export async function rememberAccountLocale(env: Env, accountId: string, locale: Locale): Promise<void> {
  await env.DB.prepare(ACCOUNT_QUERIES.rememberLocale).bind(locale, accountId).run();
}

/** A random UUID (version 4) built from the injectable random source; a pending sign-up keeps its future account's. */
export function generateAccountId(): string {
  const bytes = random.bytes(16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = encodeHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    emailNormalized: row.email_normalized,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    passwordChangedAt: row.password_changed_at,
    passwordLockedAt: row.password_locked_at,
    emailVerifiedAt: row.email_verified_at,
    locale: row.locale === null ? null : (findLocale(row.locale) ?? null),
    lastSignInAt: row.last_sign_in_at,
  };
}
