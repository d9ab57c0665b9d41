/**
 * Accounts for the worker tests, stored directly in D1 the way a confirmed sign-up leaves them:
 * address verified, ready to sign in. The public sign-up cannot make them (it answers 202 and
 * leaves the account unusable until the email is confirmed), and most tests are about something
 * else. Tests of sign-up itself go through the API and the mail queue instead.
 */
import { env } from "cloudflare:test";
import { createAccount, type Account } from "../../worker/src/accounts/accounts.ts";

/** Stores a verified account with the given password hash; throws when the address is taken. */
export async function createVerifiedAccount(email: string, passwordHash: string): Promise<Account> {
  const account = await createAccount(env, { email, passwordHash });
  if (!account) throw new Error(`${email} is already registered`);
  return account;
}
