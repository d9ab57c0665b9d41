/**
 * Byte encodings used by the crypto primitives: base64url (tokens), standard base64 without
 * padding (PHC strings) and with it (webhook signatures and secrets), and lower-case hex
 * (stored token hashes). The runtime does the encoding
 * (`Uint8Array.prototype.toBase64`, `toHex`, `Uint8Array.fromBase64`); these name the one variant
 * each use needs, and make decoding answer null instead of throwing.
 */

/** Encodes bytes as base64url without padding, as used in links. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return bytes.toBase64({ alphabet: "base64url", omitPadding: true });
}

/** Decodes unpadded base64url (a cursor of ours); null when malformed. */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    return Uint8Array.fromBase64(text, { alphabet: "base64url" });
  } catch {
    return null;
  }
}

/** Encodes bytes as standard base64 without padding, the PHC string alphabet. */
export function encodeBase64(bytes: Uint8Array): string {
  return bytes.toBase64({ omitPadding: true });
}

/** Decodes unpadded standard base64; returns null instead of throwing on malformed input. */
export function decodeBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    return Uint8Array.fromBase64(text);
  } catch {
    return null;
  }
}

/** Encodes bytes as standard base64 with padding, as Standard Webhooks writes signatures. */
export function encodePaddedBase64(bytes: Uint8Array): string {
  return bytes.toBase64();
}

/** Decodes standard base64 with or without padding (a `whsec_` secret); null when malformed. */
export function decodePaddedBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  try {
    return Uint8Array.fromBase64(text);
  } catch {
    return null;
  }
}

/** Encodes bytes as lower-case hex. */
export function encodeHex(bytes: Uint8Array): string {
  return bytes.toHex();
}
