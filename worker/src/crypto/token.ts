/**
 * Bearer secrets (reset tokens and session tokens): 32 random bytes, base64url without padding,
 * always 43 characters. Only `hashToken(token)` is ever stored, so a leaked database holds
 * nothing that can be replayed.
 *
 * @example
 * const token = generateToken(); // sent to the user once
 * await hashToken(token);        // stored and looked up
 */
import { random } from "../platform/random.ts";
import { encodeBase64Url, encodeHex } from "./encoding.ts";

export const TOKEN_BYTES = 32;

/** Creates a new token from 32 bytes of `crypto.getRandomValues`. */
export function generateToken(): string {
  return encodeBase64Url(random.bytes(TOKEN_BYTES));
}

/** The SHA-256 of a token as lower-case hex: the only form in which tokens are stored. */
export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return encodeHex(new Uint8Array(digest));
}
