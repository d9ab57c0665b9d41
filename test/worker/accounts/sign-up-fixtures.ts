/**
 * What the sign-up tests share: signing up and verifying through the Worker's JSON API (waiting
 * until the mail queue's consumer has handled the sign-up), reading the verification links from
 * the D1 outbox, and looking at the account, or the pending sign-up, as stored.
 */
import { env } from "cloudflare:test";
import { findAccountByEmail, type Account } from "../../../worker/src/accounts/accounts.ts";
import { normalizeEmail } from "../../../shared/email-address.ts";
import { findPendingSignUp, type PendingSignUp } from "../../../worker/src/accounts/pending-sign-ups.ts";
import { verifyPassword } from "../../../worker/src/crypto/password-hash.ts";
import { postJson, readMailTo } from "../reset/reset-fixtures.ts";

export const CHOSEN_PASSWORD = "violet tractor under the bridge";

/** Signs up through `POST /api/v1/accounts` and waits until the email it queued has been handled. */
export function signUp(
  email: string,
  password: string = CHOSEN_PASSWORD,
  options: { ip?: string; client?: "web" | "desktop"; headers?: Record<string, string> } = {},
): Promise<Response> {
  return postJson("/api/v1/accounts", { email, password, client: options.client }, options);
}

/** `POST /api/v1/accounts/verify`. */
export function verify(token: string, password: string): Promise<Response> {
  return postJson("/api/v1/accounts/verify", { token, password });
}

/** `POST /api/v1/sessions`. */
export function signIn(email: string, password: string): Promise<Response> {
  return postJson("/api/v1/sessions", { email, password });
}

/** The pending sign-up of an address, any ASCII case, or null (once confirmed, or never made). */
export async function findPendingSignUpByEmail(email: string): Promise<PendingSignUp | null> {
  const row = await env.DB.prepare("SELECT id FROM pending_sign_ups WHERE email_normalized = ?").bind(normalizeEmail(email)).first<{ id: string }>();
  return row ? findPendingSignUp(env, row.id) : null;
}

/** The verification tokens of the links sent to `address`, oldest first. */
export async function readVerificationTokensSentTo(address: string): Promise<string[]> {
  const tokens: string[] = [];
  for (const message of await readMailTo(address)) {
    const match = /\/verify-email\?token=([A-Za-z0-9_-]{43})/.exec(message.text);
    if (match?.[1]) tokens.push(match[1]);
  }
  return tokens;
}

/** The newest verification token sent to `address`; throws when none was. */
export async function readLatestVerificationToken(address: string): Promise<string> {
  const token = (await readVerificationTokensSentTo(address)).at(-1);
  if (!token) throw new Error(`no verification email reached ${address}`);
  return token;
}

/** The account stored for an address; throws when there is none. */
export async function readAccount(email: string): Promise<Account> {
  const account = await findAccountByEmail(env, email);
  if (!account) throw new Error(`no account for ${email}`);
  return account;
}

/** True when the account's stored password is `password`. */
export async function hasPassword(email: string, password: string): Promise<boolean> {
  return (await verifyPassword(password, (await readAccount(email)).passwordHash)).valid;
}

/** The pending sign-up of an address; throws when there is none. */
export async function readPendingSignUp(email: string): Promise<PendingSignUp> {
  const signUp = await findPendingSignUpByEmail(email);
  if (!signUp) throw new Error(`no pending sign-up for ${email}`);
  return signUp;
}

/** True when the pending sign-up of an address holds `password`. */
export async function pendingSignUpHasPassword(email: string, password: string): Promise<boolean> {
  return (await verifyPassword(password, (await readPendingSignUp(email)).passwordHash)).valid;
}

/** How many verification links a pending sign-up has stored, live or used. */
export async function countVerificationLinks(signUp: PendingSignUp): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS count FROM email_verifications WHERE sign_up_id = ?")
    .bind(signUp.id)
    .first<{ count: number }>();
  return row?.count ?? 0;
}
