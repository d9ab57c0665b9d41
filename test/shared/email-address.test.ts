import { describe, expect, it } from "vitest";
import { EMAIL_MAX_LENGTH, emailAddressSchema, maskEmail, normalizeEmail } from "../../shared/email-address.ts";

describe("normalizeEmail", () => {
  it("trims and lower-cases ASCII letters", () => {
    expect(normalizeEmail("  Dana.Lovelace@Example.COM \t")).toBe("dana.lovelace@example.com");
  });

  it("leaves non-ASCII letters alone, so a Unicode look-alike never folds onto another account", () => {
    // The dotless ı (U+0131) upper-cases to I; a Unicode-aware fold would match "mike@example.com".
    expect(normalizeEmail("mıke@example.com")).not.toBe(normalizeEmail("mike@example.com"));
    expect(normalizeEmail("ÉLODIE@Example.com")).toBe("Élodie@example.com");
  });
});

describe("emailAddressSchema", () => {
  it("accepts an ordinary address and trims it", () => {
    expect(emailAddressSchema.parse("  dana@example.com ")).toBe("dana@example.com");
  });

  it("refuses a carriage return or line feed, which could inject mail headers", () => {
    for (const address of ["dana@example.com\r\nBcc: victim@example.com", "dana@example.com\nBcc: x@example.com", "da\rna@example.com"]) {
      const result = emailAddressSchema.safeParse(address);
      expect(result.success).toBe(false);
    }
    expect(emailAddressSchema.safeParse("da\nna@example.com").error?.issues[0]?.message).toBe(
      "An email address cannot contain line breaks or control characters.",
    );
  });

  it("accepts 254 characters and refuses 255", () => {
    // Domain labels stop at 63 characters, so the length is built from several of them.
    const label = "b".repeat(63);
    const addressOfLength = (length: number) => `a@${label}.${label}.${label}.${"b".repeat(length - 198)}.com`;
    expect(EMAIL_MAX_LENGTH).toBe(254);
    const longest = addressOfLength(254);
    expect(longest).toHaveLength(254);
    expect(emailAddressSchema.safeParse(longest).success).toBe(true);
    const tooLong = addressOfLength(255);
    expect(tooLong).toHaveLength(255);
    expect(emailAddressSchema.safeParse(tooLong).error?.issues[0]?.message).toBe(
      "An email address has at most 254 characters.",
    );
  });

  it("refuses an empty value and a value without an @", () => {
    expect(emailAddressSchema.safeParse("   ").error?.issues[0]?.message).toBe("Enter your email address.");
    expect(emailAddressSchema.safeParse("dana.example.com").error?.issues[0]?.message).toBe(
      "Enter a valid email address, like name@example.com.",
    );
  });
});

describe("maskEmail", () => {
  it("keeps the first letter and the domain", () => {
    expect(maskEmail("dana@example.com")).toBe("d***@example.com");
  });
});
