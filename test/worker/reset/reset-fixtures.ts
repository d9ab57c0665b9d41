/**
 * What the reset tests share: creating accounts, calling the Worker and waiting until the mail
 * jobs it queued have been handled by the queue consumer, and reading the mail it sent from the
 * D1 outbox.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import type { Account } from "../../../worker/src/accounts/accounts.ts";
import { hashPasswordWith } from "../../../worker/src/crypto/password-hash.ts";
import worker from "../../../worker/src/index.ts";
import { createVerifiedAccount } from "../account-fixtures.ts";
import { trackMailJobs, waitForMailJobs } from "../jobs/mail-queue-fixtures.ts";

export const ORIGINAL_PASSWORD = "an original passphrase 1";

let ipCounter = 0;

/**
 * A fresh client address, so one test's requests never count against another's IP limit. The
 * count runs on across the files a worker runs (their database is emptied in between), so it
 * wraps inside 203.0.113.0/24 instead of leaving it; no file asks for 254 addresses.
 */
export function nextIp(): string {
  ipCounter += 1;
  return `203.0.113.${((ipCounter - 1) % 254) + 1}`;
}

/**
 * Light scrypt parameters for fixture accounts only: a real, verifiable hash (as an account made
 * under older parameters would have) at a fraction of the production cost, so the suite stays fast.
 */
const FIXTURE_HASH_PARAMETERS = { scheme: "scrypt", logN: 10, r: 8, p: 1 } as const;

/** Registers a verified account directly in D1 with `ORIGINAL_PASSWORD`. */
export async function registerAccount(email: string): Promise<Account> {
  return createVerifiedAccount(email, await hashPasswordWith(ORIGINAL_PASSWORD, FIXTURE_HASH_PARAMETERS));
}

/** Sends a JSON POST through the Worker's fetch handler and waits for the mail it queued. */
export async function postJson(path: string, body: unknown, options: { ip?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const request = new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": options.ip ?? nextIp(), ...options.headers },
    body: JSON.stringify(body),
  });
  const ctx = createExecutionContext();
  const tracked = trackMailJobs(env);
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], tracked.env, ctx);
  await waitOnExecutionContext(ctx);
  await waitForMailJobs(tracked.ids);
  return response;
}

/** Asks for a reset link for `email` and waits until the email (if any) has been sent. */
export function requestReset(email: string, options: { ip?: string; client?: "web" | "desktop" } = {}): Promise<Response> {
  return postJson("/api/v1/password-resets", { email, client: options.client }, options);
}

export interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  contentLanguage: string | null;
}

/** Every message in the outbox, oldest first, with the recipient exactly as it was stored. */
export async function readOutbox(): Promise<OutboxMessage[]> {
  const { results } = await env.DB.prepare(
    "SELECT to_address AS \"to\", subject, text_body AS text, html_body AS html, content_language AS contentLanguage FROM mail_outbox ORDER BY seq",
  ).all<OutboxMessage>();
  return results;
}

/** Messages whose recipient matches `address` in ASCII case-insensitive comparison. */
export async function readMailTo(address: string): Promise<OutboxMessage[]> {
  const wanted = address.toLowerCase();
  return (await readOutbox()).filter((message) => message.to.toLowerCase() === wanted);
}

/** The reset tokens of the links sent to `address`, oldest first. */
export async function readResetTokensSentTo(address: string): Promise<string[]> {
  const tokens: string[] = [];
  for (const message of await readMailTo(address)) {
    const match = /\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(message.text);
    if (match?.[1]) tokens.push(match[1]);
  }
  return tokens;
}

/** Requests a reset for a registered address and returns the token from the email. */
export async function obtainResetToken(email: string): Promise<string> {
  const response = await requestReset(email);
  if (response.status !== 202) throw new Error(`reset request answered ${response.status}`);
  const token = (await readResetTokensSentTo(email)).at(-1);
  if (!token) throw new Error(`no reset email reached ${email}`);
  return token;
}
