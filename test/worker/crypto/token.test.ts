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

  it("draws fresh bytes for every token instead of reusing earlier ones", () => {
    let draw = 0;
    const bytes = vi.spyOn(random, "bytes").mockImplementation((length) => new Uint8Array(length).fill((draw += 1)));
    const first = generateToken();
    const second = generateToken();
    expect(bytes).toHaveBeenCalledTimes(2);
    expect(second).not.toBe(first);
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
