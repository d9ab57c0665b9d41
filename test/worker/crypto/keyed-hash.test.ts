import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { computeKeyedHash, MissingHmacKeyError } from "../../../worker/src/crypto/keyed-hash.ts";
import { hashToken } from "../../../worker/src/crypto/token.ts";
import { DEVELOPMENT_HMAC_KEY } from "../../../worker/src/config.ts";
import { productionEnv } from "../production-env.ts";

describe("keyed hashes", () => {
  it("give the same 43-character hash for the same purpose and value", async () => {
    const first = await computeKeyedHash(env, "rate-limit", "203.0.113.7");
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await computeKeyedHash(env, "rate-limit", "203.0.113.7")).toBe(first);
  });

  it("cannot be reversed by hashing every candidate without the key", async () => {
    // An attacker with the database but not the secret tries the plain SHA-256 of the address.
    expect(await computeKeyedHash(env, "rate-limit", "203.0.113.7")).not.toBe(await hashToken("203.0.113.7"));
  });

  it("differ between purposes and between keys", async () => {
    const asLimit = await computeKeyedHash(env, "rate-limit", "ABCD1234");
    expect(await computeKeyedHash(env, "reset-code", "ABCD1234")).not.toBe(asLimit);
    expect(await computeKeyedHash({ ...env, HMAC_KEY: "another key" }, "rate-limit", "ABCD1234")).not.toBe(asLimit);
  });

  it("refuse to run in production without a key instead of falling back to an unkeyed hash", async () => {
    await expect(computeKeyedHash(productionEnv({ HMAC_KEY: "" }), "rate-limit", "x")).rejects.toBeInstanceOf(MissingHmacKeyError);
  });

  it("use the public development key in development when a local setting blanks HMAC_KEY", async () => {
    const blanked = await computeKeyedHash({ ...env, HMAC_KEY: "" }, "rate-limit", "x");
    expect(blanked).toBe(await computeKeyedHash({ ...env, HMAC_KEY: DEVELOPMENT_HMAC_KEY }, "rate-limit", "x"));
  });
});
