import { describe, expect, it } from "vitest";
import { dictionary } from "@zxcvbn-ts/language-common";
import { translatorFor } from "../../shared/i18n/translator.ts";
import {
  checkPassword,
  DEFAULT_PASSWORD_MIN_LENGTH,
  describePasswordProblem,
  normalizePassword,
  PASSWORD_MAX_LENGTH,
} from "../../shared/password-policy.ts";

const inEnglish = (password: string, options = {}) => {
  const problem = describePasswordProblem(password, options);
  return problem ? translatorFor("en").t(problem) : null;
};
const rulesOf = (password: string, options = {}) => checkPassword(password, options).map((violation) => violation.rule);

describe("the password policy", () => {
  it("accepts a long uncommon passphrase", () => {
    expect(checkPassword("violet tractor under the bridge")).toEqual([]);
    expect(describePasswordProblem("violet tractor under the bridge")).toBeNull();
  });

  it("refuses passwords shorter than the minimum, 12 by default", () => {
    expect(DEFAULT_PASSWORD_MIN_LENGTH).toBe(12);
    expect(rulesOf("xk3-vq9-pw2")).toEqual(["too_short"]);
    expect(rulesOf("xk3-vq9-pw2z")).toEqual([]);
    expect(inEnglish("xk3-vq9-pw2")).toBe("Use at least 12 characters.");
  });

  it("uses the configured minimum length", () => {
    expect(rulesOf("xk3-vq9-pw2z", { minLength: 16 })).toEqual(["too_short"]);
    expect(rulesOf("xk3-vq9", { minLength: 6 })).toEqual([]);
  });

  it("refuses passwords longer than 128 characters", () => {
    expect(PASSWORD_MAX_LENGTH).toBe(128);
    const base = "lantern meadow copper ";
    const exactly128 = base.repeat(6).slice(0, 128);
    expect(rulesOf(exactly128)).toEqual([]);
    expect(rulesOf(`${exactly128}x`)).toEqual(["too_long"]);
  });

  it("counts an emoji as one character", () => {
    expect(rulesOf("🔑".repeat(12))).toEqual([]);
    expect(rulesOf("🔑".repeat(11))).toEqual(["too_short"]);
  });

  it("refuses qwerty123456 at any minimum length, because it is a common password", () => {
    for (const minLength of [1, 8, 12]) {
      expect(rulesOf("qwerty123456", { minLength })).toContain("common");
    }
    expect(inEnglish("qwerty123456", { minLength: 8 })).toBe(
      "This password is too common. Choose one that is harder to guess.",
    );
  });

  it("refuses common passwords in any letter case", () => {
    expect(rulesOf("QWERTY123456")).toContain("common");
    expect(rulesOf("Password")).toContain("common");
    expect(rulesOf("violet tractor under the bridge")).not.toContain("common");
  });

  it("takes its common-password list from a package with at least 10,000 entries", () => {
    expect(dictionary["passwords-common"].length).toBeGreaterThanOrEqual(10_000);
  });

  it("refuses the email address or its local part as the password", () => {
    expect(rulesOf("dana.lovelace@example.com", { email: "Dana.Lovelace@example.com" })).toContain("matches_email");
    expect(rulesOf("dana.lovelace", { email: "dana.lovelace@example.com", minLength: 8 })).toContain("matches_email");
    expect(rulesOf("dana.lovelace is my name", { email: "dana.lovelace@example.com" })).toEqual([]);
  });

  it("refuses a full-width ｑｗｅｒｔｙ１２３４５６ as common, because it is qwerty123456 once normalised", () => {
    expect(normalizePassword("ｑｗｅｒｔｙ１２３４５６")).toBe("qwerty123456");
    expect(rulesOf("ｑｗｅｒｔｙ１２３４５６")).toEqual(["common"]);
    expect(rulesOf("ＱＷＥＲＴＹ１２３４５６")).toEqual(["common"]);
    expect(rulesOf("ｐａｓｓｗｏｒｄ")).toContain("common");
  });

  it("sees ligatures, superscripts and other compatibility characters as their plain letters", () => {
    // "ﬁ" is one character that NFKC turns into "fi"; "²" becomes "2"; "Ⅻ" becomes "XII".
    expect(normalizePassword("ﬁrefox²")).toBe("firefox2");
    expect(rulesOf("ﬁrefox")).toContain("common");
    expect(rulesOf("ﬁreﬁghter", { minLength: 8 })).toEqual(["common"]);
    expect(normalizePassword("football¹²³")).toBe("football123");
    expect(rulesOf("football¹²³", { minLength: 8 })).toEqual(["common"]);
    expect(rulesOf("ｐａｓｓｗｏｒｄ¹²", { minLength: 8 })).toEqual(["common"]);
    expect(normalizePassword("Ⅻ ㎏ ｶﾀｶﾅ")).toBe("XII kg カタカナ");
  });

  it("measures the length of the normalised password, the string that is hashed", () => {
    // Eleven ligatures are 22 letters once normalised: long enough, though typed as 11.
    expect(rulesOf("ﬂ".repeat(11))).toEqual([]);
    // Decomposed accents compose: 11 letters typed as 22 code points are still 11.
    expect(rulesOf("e\u0301".repeat(11))).toEqual(["too_short"]);
    // One character that expands to 18 pushes a 120-character password past 128.
    expect(rulesOf(`${"lantern meadow ".repeat(8)}\ufdfa`)).toEqual(["too_long"]);
  });

  it("compares the normalised password with the address for the email rule", () => {
    expect(rulesOf("ｄａｎａ．ｌｏｖｅｌａｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", { email: "dana.lovelace@example.com" })).toContain("matches_email");
    expect(rulesOf("ｄａｎａ.ｌｏｖｅｌａｃｅ", { email: "dana.lovelace@example.com", minLength: 8 })).toContain("matches_email");
  });

  it("has no composition rules: lower-case letters and spaces alone are fine", () => {
    expect(rulesOf("correct horse battery staple")).toEqual([]);
  });
});
