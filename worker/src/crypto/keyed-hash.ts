/**
 * Keyed hashes (HMAC-SHA-256) under the Worker's `HMAC_KEY` secret, for values too guessable to
 * store as a plain SHA-256: every IPv4 address can be hashed in minutes, and so can every
 * 8-character code, and for the MACs that sign what the pages hand a browser (CSRF tokens,
 * receipts of a finished reset). The secret lives in the Worker's settings, never in D1, so a copy
 * of the database alone reverses or forges nothing. Each purpose gets its own key, derived with
 * HKDF, so a hash made for one purpose is useless for another.
 *
 * A development Worker without a key (a `.dev.vars` that blanks it) uses the public development
 * key; production refuses to start without a strong one (config.ts).
 *
 * @example
 * const subject = await computeKeyedHash(env, "rate-limit", "203.0.113.7"); // 43 base64url chars
 */
import { DEVELOPMENT_HMAC_KEY, readConfig } from "../config.ts";
import { encodeBase64Url } from "./encoding.ts";

export type KeyedHashPurpose =
  | "rate-limit"
  | "reset-code"
  | "reset-network"
  | "trusted-client"
  | "csrf"
  | "reset-receipt"
  | "verify-receipt";

const encoder = new TextEncoder();
/** Derived keys, per isolate: importing and deriving costs more than the HMAC itself. */
const derivedKeys = new Map<string, Promise<CryptoKey>>();

/** Thrown when `HMAC_KEY` is missing: a configuration fault, never bad input. */
export class MissingHmacKeyError extends Error {
  constructor() {
    super("HMAC_KEY is not set");
    this.name = "MissingHmacKeyError";
  }
}

/** HMAC-SHA-256 of `value` under the key derived for `purpose`, as base64url. */
export async function computeKeyedHash(env: Env, purpose: KeyedHashPurpose, value: string): Promise<string> {
  const key = await deriveKey(env, purpose);
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(value));
  return encodeBase64Url(new Uint8Array(mac));
}

function deriveKey(env: Env, purpose: KeyedHashPurpose): Promise<CryptoKey> {
  const secret = env.HMAC_KEY?.trim() || (readConfig(env).environment === "development" ? DEVELOPMENT_HMAC_KEY : "");
  if (!secret) throw new MissingHmacKeyError();
  const cacheKey = `${purpose}\n${secret}`;
  let key = derivedKeys.get(cacheKey);
  if (!key) {
    key = importDerivedKey(secret, purpose);
    derivedKeys.set(cacheKey, key);
    key.catch(() => derivedKeys.delete(cacheKey));
  }
  return key;
}

async function importDerivedKey(secret: string, purpose: KeyedHashPurpose): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: encoder.encode(`resetkit ${purpose}`) },
    base,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
}
