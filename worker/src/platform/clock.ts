/**
 * The Worker's clock. Everything that needs the time reads `clock.now()`, which exists so that
 * tests can move time forward instead of sleeping.
 */
export const clock = {
  /** Milliseconds since the epoch. */
  now(): number {
    return Date.now();
  },
};
