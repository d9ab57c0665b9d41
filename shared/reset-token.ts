/**
 * The shape of a reset token as it travels in links: 32 random bytes, base64url without
 * padding, which is always 43 characters. Anything else is refused before any lookup.
 */
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Returns true when `value` could be a reset token. */
export function isResetTokenShape(value: unknown): value is string {
  return typeof value === "string" && RESET_TOKEN_PATTERN.test(value);
}
