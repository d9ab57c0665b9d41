/**
 * Pending sign-ups in D1: an address someone signed up with, and the password they chose, until
 * the address is confirmed. A pending sign-up is not an account. Nothing but its confirmation link
 * can see it: signing in to it gets the 401 an unknown address gets, a reset request for it sends
 * nothing, and sign-up answers the same 202 whatever the address. So no answer tells a registered
 * address from one the asker has just signed up (docs/threat-model.md). Confirming it
 * (email-verification.ts) creates the account.
 *
 * An address has at most one pending sign-up, and the newest sign-up wins: its password replaces
 * an older one's. A sign-up handled late, or retried, never brings an older password back.
 */
import { normalizeEmail } from "../../../shared/email-address.ts";
import { findLocale, type Locale } from "../../../shared/i18n/locales.ts";

export interface PendingSignUp {
  id: string;
  /** The address as the newest sign-up typed it; mail goes here, and the account keeps it. */
  email: string;
  emailNormalized: string;
  passwordHash: string;
  /** When the newest sign-up chose the password; it orders sign-ups for the same address. */
  passwordChosenAt: number;
  createdAt: number;
  /** The newest sign-up's language; the account takes it over. */
  locale: Locale | null;
}

interface PendingSignUpRow {
  id: string;
  email: string;
  email_normalized: string;
  password_hash: string;
  password_chosen_at: number;
  created_at: number;
  locale: string | null;
}

const COLUMNS = "id, email, email_normalized, password_hash, password_chosen_at, created_at, locale";

export const PENDING_SIGN_UP_QUERIES = {
  // One statement, so two sign-ups handled side by side cannot both create a row. A sign-up older
  // than the one already stored changes nothing and gets no row back.
  adopt: `INSERT INTO pending_sign_ups (${COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
    ON CONFLICT (email_normalized) DO UPDATE SET
      email = excluded.email, password_hash = excluded.password_hash, password_chosen_at = excluded.password_chosen_at,
      locale = excluded.locale
    WHERE excluded.password_chosen_at >= pending_sign_ups.password_chosen_at
    RETURNING ${COLUMNS}`,
  findById: `SELECT ${COLUMNS} FROM pending_sign_ups WHERE id = ?`,
  deleteByEmail: "DELETE FROM pending_sign_ups WHERE email_normalized = ?",
} as const;

/**
 * Stores a sign-up as the address's pending sign-up, unless a newer sign-up holds it. Returns
 * the pending sign-up as stored, or null when a newer one kept its password.
 */
export async function adoptPendingSignUp(
  env: Env,
  input: { id: string; email: string; passwordHash: string; chosenAt: number; now: number; locale: Locale | null },
): Promise<PendingSignUp | null> {
  const email = input.email.trim();
  const row = await env.DB.prepare(PENDING_SIGN_UP_QUERIES.adopt)
    .bind(input.id, email, normalizeEmail(email), input.passwordHash, input.chosenAt, input.now, input.locale)
    .first<PendingSignUpRow>();
  return row ? toPendingSignUp(row) : null;
}

/** Finds a pending sign-up by its id, or null once it was confirmed or purged. */
export async function findPendingSignUp(env: Env, id: string): Promise<PendingSignUp | null> {
  const row = await env.DB.prepare(PENDING_SIGN_UP_QUERIES.findById).bind(id).first<PendingSignUpRow>();
  return row ? toPendingSignUp(row) : null;
}


/** The statement that forgets an address's pending sign-up, for a batch that creates its account another way. */
export function prepareDeletePendingSignUp(env: Env, email: string): D1PreparedStatement {
  return env.DB.prepare(PENDING_SIGN_UP_QUERIES.deleteByEmail).bind(normalizeEmail(email));
}

function toPendingSignUp(row: PendingSignUpRow): PendingSignUp {
  return {
    id: row.id,
    email: row.email,
    emailNormalized: row.email_normalized,
    passwordHash: row.password_hash,
    passwordChosenAt: row.password_chosen_at,
    createdAt: row.created_at,
    locale: row.locale === null ? null : (findLocale(row.locale) ?? null),
  };
}
