/**
 * The Worker's source of randomness, behind one object so tests can make it predictable.
 * Production always uses `crypto.getRandomValues`.
 */
export const random = {
  /** Fills a new array with `length` cryptographically secure random bytes. */
  bytes(length: number): Uint8Array {
    return crypto.getRandomValues(new Uint8Array(length));
  },
};
