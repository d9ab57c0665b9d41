import { describe, expect, it } from "vitest";
import { constantTimeEqual } from "../../../worker/src/crypto/constant-time.ts";

describe("constantTimeEqual", () => {
  it("is true for identical strings", () => {
    expect(constantTimeEqual("s3cret-token", "s3cret-token")).toBe(true);
    expect(constantTimeEqual("", "")).toBe(true);
  });

  it("is false when any character differs, first or last", () => {
    expect(constantTimeEqual("s3cret-token", "x3cret-token")).toBe(false);
    expect(constantTimeEqual("s3cret-token", "s3cret-tokex")).toBe(false);
  });

  it("is false when one string is a prefix of the other", () => {
    expect(constantTimeEqual("s3cret", "s3cret-token")).toBe(false);
    expect(constantTimeEqual("s3cret-token", "")).toBe(false);
  });

  it("compares by bytes, so different Unicode strings never match", () => {
    expect(constantTimeEqual("é", "e\u0301")).toBe(false);
    expect(constantTimeEqual("🔑", "🔑")).toBe(true);
  });
});
