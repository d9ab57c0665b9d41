import { describe, expect, it } from "vitest";
import { hasHeaderBreak, parseMailbox } from "../../../worker/src/mail/mail-message.ts";
import { redactFailureText } from "../../../worker/src/mail/failure-text.ts";

describe("parseMailbox", () => {
  it("reads a sender written as Name <address>", () => {
    expect(parseMailbox("ResetKit <no-reply@example.com>")).toEqual({ name: "ResetKit", email: "no-reply@example.com" });
  });

  it("reads a quoted display name", () => {
    expect(parseMailbox('"Reset Kit" <no-reply@example.com>')).toEqual({ name: "Reset Kit", email: "no-reply@example.com" });
  });

  it("reads a bare address", () => {
    expect(parseMailbox("no-reply@example.com")).toEqual({ email: "no-reply@example.com" });
  });

  it("refuses a sender with a line break", () => {
    expect(parseMailbox("ResetKit\r\nBcc: a@b.c <no-reply@example.com>")).toBeNull();
  });

  it("refuses something that is not an address", () => {
    expect(parseMailbox("ResetKit")).toBeNull();
  });
});

describe("hasHeaderBreak", () => {
  it("finds CR, LF and the Unicode line separators", () => {
    for (const value of ["a\rb", "a\nb", "a\u2028b", "a\u0000b"]) expect(hasHeaderBreak(value)).toBe(true);
    expect(hasHeaderBreak("Reset your password")).toBe(false);
  });
});

describe("redactFailureText", () => {
  it("blanks out links and token-like strings a provider might echo", () => {
    const echoed = "bad content: http://127.0.0.1:8787/reset-password?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG key sk_live_0123456789abcdefghij";
    const redacted = redactFailureText(echoed);
    expect(redacted).toBe("bad content: [link] key [redacted]");
  });

  it("blanks out a reset code as the email prints it", () => {
    expect(redactFailureText("bad content: enter this code: 7KQ2-M9XD")).toBe("bad content: enter this code: [code]");
  });

  it("keeps failures short", () => {
    expect(redactFailureText("x ".repeat(500)).length).toBeLessThanOrEqual(201);
  });
});
