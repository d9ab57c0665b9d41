/**
 * The one constant-time comparison for secrets (CSRF tokens, password hashes, token hashes).
 * Every secret comparison in the Worker goes through here, never through `===`, so the time a
 * comparison takes does not reveal how many leading characters matched.
 *
 * @example
 * constantTimeEqual(submittedCsrfToken, cookieCsrfToken) // true only for identical strings
 */

const encoder = new TextEncoder();

/** Returns true when both strings are identical, taking time that depends only on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  // Differing lengths are not secret (tokens have fixed shapes), but we still walk the longer
  // input so a mismatch in length costs the same as a mismatch in content.
  const length = Math.max(left.length, right.length);
  let difference = left.length ^ right.length;
  for (let index = 0; index < length; index += 1) {
    difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  }
  return difference === 0;
}
