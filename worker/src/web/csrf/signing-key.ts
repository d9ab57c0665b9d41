/**
 * The HMAC key that signs CSRF tokens. It is created on first use and kept in D1
 * (`web_secrets`), so a fresh deployment needs no extra secret, and every isolate of the
 * Worker signs with the same key. Each isolate keeps the imported key for a few minutes, so a
 * form page and its post cost no D1 read and no key import. Rotating it is deleting the row:
 * within `KEY_CACHE_MS` every isolate has the new key, and open forms then fail once with 403
 * and work again after a reload.
 */
import { encodeBase64Url } from "../../crypto/encoding.ts";
import { clock } from "../../platform/clock.ts";
import { random } from "../../platform/random.ts";

const KEY_NAME = "csrf-signing-key";
const KEY_BYTES = 32;
export const KEY_CACHE_MS = 5 * 60_000;

export const SIGNING_KEY_QUERIES = {
  // INSERT OR IGNORE lets two first requests race safely: both then read the one row that won.
  insertIfMissing: "INSERT OR IGNORE INTO web_secrets (name, secret, created_at) VALUES (?, ?, ?)",
  findSecret: "SELECT secret FROM web_secrets WHERE name = ?",
} as const;

let cached: { key: Promise<CryptoKey>; expiresAt: number } | undefined;

/** Returns the CSRF signing key, creating it the first time any request needs it. */
export function readCsrfSigningKey(env: Env): Promise<CryptoKey> {
  const now = clock.now();
  if (cached && cached.expiresAt > now) return cached.key;
  const key = loadSigningKey(env);
  cached = { key, expiresAt: now + KEY_CACHE_MS };
  // A failed read (D1 unavailable) is not remembered: the next request tries again.
  key.catch(() => {
    if (cached?.key === key) cached = undefined;
  });
  return key;
}

async function loadSigningKey(env: Env): Promise<CryptoKey> {
  let secret = await selectSecret(env);
  if (secret === null) {
    await env.DB.prepare(SIGNING_KEY_QUERIES.insertIfMissing)
      .bind(KEY_NAME, encodeBase64Url(random.bytes(KEY_BYTES)), clock.now())
      .run();
    secret = await selectSecret(env);
  }
  if (secret === null) throw new Error("the CSRF signing key could not be stored");
  return crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

async function selectSecret(env: Env): Promise<string | null> {
  const row = await env.DB.prepare(SIGNING_KEY_QUERIES.findSecret).bind(KEY_NAME).first<{ secret: string }>();
  return row?.secret ?? null;
}
