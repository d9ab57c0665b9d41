/**
 * The operator's view of an account: its state as support needs it (confirmed, locked, signed in
 * where, live reset links), never its password hash or a token; and the two remedies, signing it
 * out everywhere and lifting the per-address sign-in lock.
 *
 * @example
 * const account = await describeAccount(env, "ada@example.com"); // AdminAccount | null
 */
import type { AdminAccount } from "../../../shared/admin-contract.ts";
import { emailAddressSchema } from "../../../shared/email-address.ts";
import { findAccountByEmail, findAccountById, type Account } from "../accounts/accounts.ts";
import { clock } from "../platform/clock.ts";
import { invalidateAccountSessions } from "../sessions/session.ts";
import { clearSignInFailures, readSignInLock } from "../sessions/sign-in-limits.ts";

export const ADMIN_ACCOUNT_QUERIES = {
  countSessions: "SELECT COUNT(*) AS n FROM sessions WHERE account_id = ?1 AND expires_at > ?2",
  countLiveResetLinks: "SELECT COUNT(*) AS n FROM password_reset_tokens WHERE account_id = ?1 AND used_at IS NULL AND expires_at > ?2",
} as const;

/** The account registered under `email` (as typed, any case, Unicode or ASCII domain), or null. */
export async function describeAccount(env: Env, email: string): Promise<AdminAccount | null> {
  const parsed = emailAddressSchema.safeParse(email);
  const account = await findAccountByEmail(env, parsed.success ? parsed.data : email);
  return account ? summarise(env, account) : null;
}

/** Signs the account out everywhere; false when there is no such account. */
export async function signOutAccount(env: Env, accountId: string): Promise<boolean> {
  const account = await findAccountById(env, accountId);
  if (!account) return false;
  await invalidateAccountSessions(env, account.id);
  return true;
}

/** Ends the account's per-address sign-in lock and forgets its failures; false when there is no such account. */
export async function unlockSignIn(env: Env, accountId: string): Promise<boolean> {
  const account = await findAccountById(env, accountId);
  if (!account) return false;
  await clearSignInFailures(env, account.emailNormalized);
  return true;
}

async function summarise(env: Env, account: Account): Promise<AdminAccount> {
  const now = clock.now();
  const [sessions, links, lockedUntil] = await Promise.all([
    env.DB.prepare(ADMIN_ACCOUNT_QUERIES.countSessions).bind(account.id, now).first<{ n: number }>(),
    env.DB.prepare(ADMIN_ACCOUNT_QUERIES.countLiveResetLinks).bind(account.id, now).first<{ n: number }>(),
    readSignInLock(env, account.emailNormalized),
  ]);
  return {
    id: account.id,
    email: account.email,
    verified: account.emailVerifiedAt !== null,
    passwordLocked: account.passwordLockedAt !== null,
    signInLockedUntil: lockedUntil === null ? null : new Date(lockedUntil).toISOString(),
    sessions: sessions?.n ?? 0,
    liveResetLinks: links?.n ?? 0,
    ...(account.locale ? { locale: account.locale } : {}),
    createdAt: new Date(account.createdAt).toISOString(),
    lastSignInAt: account.lastSignInAt === null ? null : new Date(account.lastSignInAt).toISOString(),
  };
}
