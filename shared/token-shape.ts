/**
 * The shape every token ResetKit hands out has as it travels: reset, verification, alert and
 * session tokens are all 32 random bytes, base64url without padding, which is always 43
 * characters. Anything else is refused before any lookup.
 */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Returns true when `value` could be one of our tokens. */
export function isTokenShape(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}
