/**
 * The one constant-time comparison for secrets (CSRF tokens, password hashes, token hashes,
 * receipts). Every secret comparison in the Worker goes through here, never through `===`, so the
 * time a comparison takes does not reveal how many leading bytes matched. The comparison itself is
 * the runtime's `crypto.subtle.timingSafeEqual`.
 *
 * @example
 * constantTimeEqual(submittedCsrfToken, cookieCsrfToken) // true only for identical strings
 */

const encoder = new TextEncoder();

/** Returns true when both strings are identical, taking time that depends only on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  // Lengths are not secret (tokens and MACs have fixed shapes), and the runtime compares equal lengths only.
  if (left.byteLength !== right.byteLength) return false;
  return crypto.subtle.timingSafeEqual(left, right);
}
