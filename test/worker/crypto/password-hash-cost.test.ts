/**
 * SPEC §4.11: the hashing cost fits the Workers limits. Time per hash is measured by
 * `npm run bench` (bench/RESULTS.md) and recorded in docs/password-hashing.md; this file checks
 * the part that does not depend on a noisy clock: memory.
 */
import { describe, expect, it } from "vitest";
import { CURRENT_PARAMETERS } from "../../../worker/src/crypto/password-hash.ts";

const ISOLATE_MEMORY_BYTES = 128 * 1024 * 1024;

describe("the cost of a password hash", () => {
  it("needs at most an eighth of the 128 MB isolate, so several sign-ins can hash at once", () => {
    const memory = CURRENT_PARAMETERS.scheme === "scrypt" ? 128 * 2 ** CURRENT_PARAMETERS.logN * CURRENT_PARAMETERS.r : 0;
    expect(memory).toBeLessThanOrEqual(ISOLATE_MEMORY_BYTES / 8);
  });
});
