/**
 * A D1 outage for tests: a database binding whose every call throws, as D1 does when it is
 * unreachable. The message carries the kind of detail (a table name, a token) that must never
 * reach a visitor or a log line.
 */
import { env } from "cloudflare:test";

export const OUTAGE_MESSAGE = "D1_ERROR: network connection lost while reading password_reset_tokens for secret-token-value";

/** A `DB` binding that fails every statement. */
export function failingDatabase(): D1Database {
  return new Proxy(env.DB, {
    get: () => () => {
      throw new Error(OUTAGE_MESSAGE);
    },
  });
}
