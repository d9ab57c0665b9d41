/**
 * What the edge-page tests share: a browser-like client with a cookie jar that calls the
 * Worker's fetch handler (and waits until the mail it queued has been handled), forms read from the rendered
 * HTML, accounts and reset tokens stored in the real D1, and the outbox.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import type { ResetClient } from "../../../shared/contract.ts";
import { findAccountById, type Account } from "../../../worker/src/accounts/accounts.ts";
import { hashPassword, verifyPassword } from "../../../worker/src/crypto/password-hash.ts";
import { generateToken, hashToken } from "../../../worker/src/crypto/token.ts";
import worker from "../../../worker/src/index.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { storeResetToken } from "../../../worker/src/reset/reset-tokens.ts";
import { createVerifiedAccount } from "../account-fixtures.ts";
import { trackMailJobs, waitForMailJobs } from "../jobs/mail-queue-fixtures.ts";

export const ORIGINAL_PASSWORD = "an original passphrase 1";
export const GOOD_PASSWORD = "a brand new passphrase 2";
/** Over plain http on loopback cookies are not Secure; the https origin shows the production shape. */
export const LOCAL_ORIGIN = "http://127.0.0.1";
export const SECURE_ORIGIN = "https://resetkit.test";

let ipCounter = 0;

/** A fresh client address, so one test's requests never count against another's IP limit. */
export function nextIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter % 250}`;
}

/** A browser stand-in: remembers cookies the Worker sets and sends them back. */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly ip = nextIp();

  /** `vars` overrides the Worker's `[vars]` for this browser's requests (e.g. ENVIRONMENT). */
  constructor(
    readonly origin: string = LOCAL_ORIGIN,
    readonly vars: Partial<Env> = {},
  ) {}

  /** Sends a request the way a same-origin page of ours would, unless `headers` says otherwise. */
  async fetch(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const headers = new Headers({ "cf-connecting-ip": this.ip, ...init.headers });
    if (this.cookies.size > 0 && !headers.has("cookie")) {
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const request = new Request(`${this.origin}${path}`, { method: init.method ?? "GET", headers, body: init.body, redirect: "manual" });
    const ctx = createExecutionContext();
    const tracked = trackMailJobs({ ...env, ...this.vars } as Env);
    const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], tracked.env, ctx);
    await waitOnExecutionContext(ctx);
    await waitForMailJobs(tracked.ids);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      if (value && !/max-age=0/i.test(cookie)) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return response;
  }

  /** Posts a form as our own page would: form-encoded, same-origin fetch metadata. */
  postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", origin: "null", ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

/** The words a page shows, without its markup: what a person reads, for assertions on sentences. */
export function readPageText(html: string): string {
  const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'" };
  return html
    .replace(/<head>[\s\S]*?<\/head>/, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&(?:amp|lt|gt|quot|#x27);/g, (entity) => entities[entity] ?? entity);
}

/** The whole `<input …>` tag of a named form field, or null. */
export function findInputTag(html: string, name: string): string | null {
  return new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? null;
}

/** Reads the value of a named form field out of a rendered page. */
export function readInputValue(html: string, name: string): string | null {
  const tag = findInputTag(html, name);
  return (tag ? /value="([^"]*)"/.exec(tag)?.[1] : null) ?? null;
}

/** Opens a form page and returns its CSRF token. */
export async function openForm(browser: Browser, path: string): Promise<{ response: Response; html: string; csrfToken: string }> {
  const response = await browser.fetch(path);
  const html = await response.text();
  const csrfToken = readInputValue(html, "csrf_token");
  if (!csrfToken) throw new Error(`${path} answered ${response.status} without a CSRF field`);
  return { response, html, csrfToken };
}

/** Registers a verified account directly in D1 with `ORIGINAL_PASSWORD`. */
export async function registerAccount(email: string): Promise<Account> {
  return createVerifiedAccount(email, await hashPassword(ORIGINAL_PASSWORD));
}

/** Stores a live reset token for the account, as a reset email would carry it. */
export async function createResetToken(account: Account, lifetimeMs = 30 * 60_000, client: ResetClient = "web"): Promise<string> {
  const token = generateToken();
  const now = clock.now();
  await storeResetToken(env, { tokenHash: await hashToken(token), accountId: account.id, client, createdAt: now, expiresAt: now + lifetimeMs });
  return token;
}

/** True when the account's stored password is `password`. */
export async function hasPassword(account: Account, password: string): Promise<boolean> {
  const stored = await findAccountById(env, account.id);
  return stored ? (await verifyPassword(password, stored.passwordHash)).valid : false;
}

/** How many emails the outbox holds for an address. */
export async function countMailTo(address: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS count FROM mail_outbox WHERE lower(to_address) = lower(?)").bind(address).first<{ count: number }>();
  return row?.count ?? 0;
}

/** The Set-Cookie header that sets (or clears) the named cookie. */
export function findSetCookie(response: Response, name: string): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
}
