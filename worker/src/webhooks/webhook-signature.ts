/**
 * Standard Webhooks signatures: `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`,
 * keyed with the bytes of WEBHOOK_SECRET after its `whsec_` prefix, so a receiver verifies with
 * the `standardwebhooks` package (or twenty lines of its own; docs/integration.md).
 *
 * @example
 * const signature = await signWebhook(secret, "msg_2KW…", 1733333333, body); // "v1,K5oZ…="
 */
import { encodePaddedBase64 } from "../crypto/encoding.ts";

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

/** The `webhook-signature` header for one delivery. */
export async function signWebhook(secret: Uint8Array, id: string, timestampSeconds: number, body: string): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", await importKey(secret), encoder.encode(`${id}.${timestampSeconds}.${body}`));
  return `v1,${encodePaddedBase64(new Uint8Array(mac))}`;
}

function importKey(secret: Uint8Array): Promise<CryptoKey> {
  const cacheKey = encodePaddedBase64(secret);
  let key = keys.get(cacheKey);
  if (!key) {
    key = crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keys.set(cacheKey, key);
  }
  return key;
}
