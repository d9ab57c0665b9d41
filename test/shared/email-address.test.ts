import { describe, expect, it } from "vitest";
import { firstProblemOf } from "../../shared/contract.ts";
import { displayEmail, EMAIL_MAX_LENGTH, emailAddressSchema, maskEmail, normalizeEmail } from "../../shared/email-address.ts";
import { translatorFor } from "../../shared/i18n/translator.ts";

/** What a person reads when `value` is refused, in English. */
function refusal(value: unknown): string | undefined {
  const result = emailAddressSchema.safeParse(value);
  return result.success ? undefined : translatorFor("en").t(firstProblemOf(result.error));
}

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
    expect(refusal("da\nna@example.com")).toBe("An email address cannot contain line breaks or control characters.");
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
    expect(refusal(tooLong)).toBe("An email address has at most 254 characters.");
  });

  it("refuses an empty value and a value without an @", () => {
    expect(refusal("   ")).toBe("Enter your email address.");
    expect(refusal("dana.example.com")).toBe("Enter a valid email address, like name@example.com.");
  });

  it("says a number or other non-text value is not a valid address, not that it is missing", () => {
    expect(refusal(42)).toBe("Enter a valid email address, like name@example.com.");
    expect(refusal(undefined)).toBe("Enter your email address.");
  });

  it("accepts an internationalised domain and keeps it in the ASCII form mail servers take", () => {
    expect(emailAddressSchema.parse("name@exämple.de")).toBe("name@xn--exmple-cua.de");
    expect(emailAddressSchema.parse("Kim@Bücher.Example")).toBe("Kim@xn--bcher-kva.example");
    expect(emailAddressSchema.parse("user@例え.jp")).toBe("user@xn--r8jz45g.jp");
  });

  it("refuses a non-ASCII part before the @ with a sentence that says which part and why", () => {
    expect(refusal("josé@example.com")).toBe(
      "Use only Latin letters, digits and . _ % + - before the @. Letters such as é or ü work in the part after the @ (exämple.de), but many mail servers cannot deliver to them before it.",
    );
  });

  it("refuses a domain no host parser accepts", () => {
    expect(refusal("name@exä mple.de")).toBe("Enter a valid email address, like name@example.com.");
  });
});

describe("displayEmail", () => {
  it("shows a punycode domain in Unicode and leaves others alone", () => {
    expect(displayEmail("name@xn--exmple-cua.de")).toBe("name@exämple.de");
    expect(displayEmail("dana@example.com")).toBe("dana@example.com");
  });
});

describe("maskEmail", () => {
  it("keeps the first letter and the domain, in Unicode", () => {
    expect(maskEmail("dana@example.com")).toBe("d***@example.com");
    expect(maskEmail("dana@xn--exmple-cua.de")).toBe("d***@exämple.de");
  });
});
