/**
 * Byte encodings used by the crypto primitives: base64url (tokens), standard base64 without
 * padding (PHC strings) and lower-case hex (stored token hashes).
 */

/** Encodes bytes as base64url without padding, as used in links. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replaceAll("+", "-").replaceAll("/", "_");
}

/** Encodes bytes as standard base64 without padding, the PHC string alphabet. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/=+$/, "");
}

/** Decodes unpadded standard base64; returns null instead of throwing on malformed input. */
export function decodeBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.padEnd(Math.ceil(text.length / 4) * 4, "="));
    return Uint8Array.from(binary, (character) => character.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Encodes bytes as lower-case hex. */
export function encodeHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
