import { describe, expect, it } from "vitest";
import {
  formatResetCode,
  formatTypedResetCode,
  normalizeResetCode,
  RESET_CODE_ALPHABET,
} from "../../shared/reset-code.ts";

describe("normalizeResetCode", () => {
  it("reads a code whatever its case, spaces and hyphens", () => {
    expect(normalizeResetCode("7KQ2-M9XD")).toBe("7KQ2M9XD");
    expect(normalizeResetCode("7kq2m9xd")).toBe("7KQ2M9XD");
    expect(normalizeResetCode(" 7k q2 - m9 xd ")).toBe("7KQ2M9XD");
  });

  it("reads O as 0 and I or L as 1", () => {
    expect(normalizeResetCode("OoIi-Ll00")).toBe("00111100");
  });

  it("refuses U, other symbols, and the wrong number of characters", () => {
    expect(normalizeResetCode("7KQ2-M9XU")).toBeNull();
    expect(normalizeResetCode("7KQ2_M9XD")).toBeNull();
    expect(normalizeResetCode("7KQ2-M9X")).toBeNull();
    expect(normalizeResetCode("7KQ2-M9XDA")).toBeNull();
    expect(normalizeResetCode("")).toBeNull();
    expect(normalizeResetCode(12345678)).toBeNull();
    expect(normalizeResetCode(`7KQ2M9XD${" ".repeat(40)}`)).toBeNull();
  });

  it("accepts every letter of the alphabet, which has 32 characters and no I, L, O or U", () => {
    expect(RESET_CODE_ALPHABET).toHaveLength(32);
    expect(RESET_CODE_ALPHABET).not.toMatch(/[ILOU]/);
    for (let start = 0; start < 32; start += 8) {
      const code = RESET_CODE_ALPHABET.slice(start, start + 8);
      expect(normalizeResetCode(code)).toBe(code);
    }
  });
});

describe("formatResetCode", () => {
  it("prints the code as XXXX-XXXX", () => {
    expect(formatResetCode("7KQ2M9XD")).toBe("7KQ2-M9XD");
  });
});

describe("formatTypedResetCode", () => {
  it("puts the hyphen after the fourth character as the code is typed", () => {
    expect(formatTypedResetCode("7kq")).toBe("7KQ");
    expect(formatTypedResetCode("7kq2")).toBe("7KQ2");
    expect(formatTypedResetCode("7kq2m")).toBe("7KQ2-M");
    expect(formatTypedResetCode("7KQ2-")).toBe("7KQ2");
  });

  it("tidies a pasted code and drops anything that cannot be part of one", () => {
    expect(formatTypedResetCode(" 7kq2 m9xd\n")).toBe("7KQ2-M9XD");
    expect(formatTypedResetCode("7KQ2_M9XD!")).toBe("7KQ2-M9XD");
    expect(formatTypedResetCode("7KQ2-M9XD-EXTRA")).toBe("7KQ2-M9XD");
    expect(formatTypedResetCode("o1l-i")).toBe("0111");
  });
});
