import { afterEach, describe, expect, it, vi } from "vitest";
import { generateToken, hashToken } from "../../../worker/src/crypto/token.ts";
import { random } from "../../../worker/src/platform/random.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("generateToken", () => {
  it("makes 43 base64url characters without padding", () => {
    for (let index = 0; index < 50; index += 1) {
      expect(generateToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it("encodes exactly the 32 bytes it draws from the random source", () => {
    const bytes = vi.spyOn(random, "bytes").mockImplementation((length) => new Uint8Array(length).fill(0xfb));
    // 0xfb repeated is "+/v7" in base64, which base64url writes as "-_v7".
    expect(generateToken()).toBe(`${"-_v7".repeat(10)}-_s`);
    expect(bytes).toHaveBeenCalledWith(32);
  });

  it("never repeats across many draws", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateToken()));
    expect(tokens.size).toBe(1000);
  });
});

describe("hashToken", () => {
  it("is the lower-case hex SHA-256 of the token", async () => {
    expect(await hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("differs from the token, so storing it does not store the token", async () => {
    const token = generateToken();
    const hash = await hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
  });
});
