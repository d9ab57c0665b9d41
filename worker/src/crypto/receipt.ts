/**
 * Receipts: short statements the Worker signs and hands to one browser, so that browser alone can
 * show later that something happened to it, such as "you finished a reset a moment ago". Only the
 * browser that got the response holds the receipt; anyone else, a holder of a leaked link
 * included, has nothing to show. Checking one is a MAC and a clock: no D1, no password hash.
 *
 * A receipt reads `<issued at, ms>.<claim>…<mac>`, claims being short words from `[A-Za-z0-9_-]`,
 * the MAC a keyed hash under the receipt's own purpose (crypto/keyed-hash.ts).
 *
 * @example
 * const receipt = await issueReceipt(env, "reset-receipt", ["desktop"]);
 * await readReceipt(env, "reset-receipt", receipt, 5 * 60_000); // ["desktop"], or null once stale or forged
 */
import { clock } from "../platform/clock.ts";
import { constantTimeEqual } from "./constant-time.ts";
import { computeKeyedHash, type KeyedHashPurpose } from "./keyed-hash.ts";

export type ReceiptPurpose = Extract<KeyedHashPurpose, `${string}-receipt`>;

const CLAIM = /^[A-Za-z0-9_-]{1,32}$/;
const RECEIPT = /^(\d{1,15})((?:\.[A-Za-z0-9_-]{1,32})*)\.([A-Za-z0-9_-]{43})$/;

/** Signs `claims` with the current time. */
export async function issueReceipt(env: Env, purpose: ReceiptPurpose, claims: readonly string[]): Promise<string> {
  if (!claims.every((claim) => CLAIM.test(claim))) throw new TypeError("a receipt claim must be a short word of [A-Za-z0-9_-]");
  const statement = [String(clock.now()), ...claims].join(".");
  return `${statement}.${await computeKeyedHash(env, purpose, statement)}`;
}

/** The claims of a receipt signed for `purpose` less than `maxAgeMs` ago; null for anything else. */
export async function readReceipt(env: Env, purpose: ReceiptPurpose, receipt: string | null, maxAgeMs: number): Promise<string[] | null> {
  const match = receipt ? RECEIPT.exec(receipt) : null;
  if (!match) return null;
  const [, issuedAt = "", claims = "", mac = ""] = match;
  const age = clock.now() - Number(issuedAt);
  if (age < 0 || age >= maxAgeMs) return null;
  if (!constantTimeEqual(mac, await computeKeyedHash(env, purpose, `${issuedAt}${claims}`))) return null;
  return claims.split(".").slice(1);
}
