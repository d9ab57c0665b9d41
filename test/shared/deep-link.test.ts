import { describe, expect, it } from "vitest";
import {
  buildDeepLink,
  buildResetDeepLink,
  buildSignInDeepLink,
  buildVerifyEmailDeepLink,
  findDeepLinkInArgv,
  isDeepLink,
  parseDeepLink,
  type DeepLink,
} from "../../shared/deep-link.ts";

const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";

describe("the desktop deep links", () => {
  it("round-trips: a built reset link parses back to its token", () => {
    const link = buildResetDeepLink("resetkit", TOKEN);
    expect(link).toBe(`resetkit://reset-password?token=${TOKEN}`);
    expect(parseDeepLink(link, "resetkit")).toEqual({ kind: "reset-password", token: TOKEN });
  });

  it("round-trips the sign-in link the 'password changed' page offers", () => {
    const link = buildSignInDeepLink("resetkit");
    expect(link).toBe("resetkit://sign-in");
    expect(parseDeepLink(link, "resetkit")).toEqual({ kind: "sign-in" });
  });

  it("parses back every kind of link it builds, with any scheme", () => {
    const links: DeepLink[] = [{ kind: "reset-password", token: TOKEN }, { kind: "verify-email", token: TOKEN }, { kind: "sign-in" }];
    for (const scheme of ["resetkit", "acme-reset"]) {
      for (const link of links) expect(parseDeepLink(buildDeepLink(scheme, link), scheme)).toEqual(link);
    }
  });

  it("round-trips the verification link of an account created in the app", () => {
    const link = buildVerifyEmailDeepLink("resetkit", TOKEN);
    expect(link).toBe(`resetkit://verify-email?token=${TOKEN}`);
    expect(parseDeepLink(link, "resetkit")).toEqual({ kind: "verify-email", token: TOKEN });
    expect(parseDeepLink(`resetkit://verify-email?token=${TOKEN.slice(1)}`, "resetkit")).toBeNull();
    expect(parseDeepLink("resetkit://verify-email", "resetkit")).toBeNull();
  });

  it("accepts a trailing slash after the host", () => {
    expect(parseDeepLink(`resetkit://reset-password/?token=${TOKEN}`)).toEqual({ kind: "reset-password", token: TOKEN });
    expect(parseDeepLink("resetkit://sign-in/")).toEqual({ kind: "sign-in" });
  });

  it("finds the link among the command-line arguments of a second launch", () => {
    const argv = ["/usr/bin/resetkit", "--no-sandbox", `resetkit://reset-password?token=${TOKEN}`];
    expect(findDeepLinkInArgv(argv)).toEqual({ kind: "reset-password", token: TOKEN });
    expect(findDeepLinkInArgv(["/usr/bin/resetkit", "resetkit://sign-in"])).toEqual({ kind: "sign-in" });
  });

  it("drops links that are not exactly one the Worker builds", () => {
    const bad = [
      `other://reset-password?token=${TOKEN}`,
      `resetkit://evil.example?token=${TOKEN}`,
      `resetkit://reset-password/extra?token=${TOKEN}`,
      `resetkit://reset-password?token=${TOKEN}&next=https://evil.example`,
      `resetkit://reset-password?token=${TOKEN}#fragment`,
      `resetkit://user:pass@reset-password?token=${TOKEN}`,
      `resetkit://reset-password?token=${TOKEN.slice(1)}`,
      "resetkit://reset-password?token=",
      "resetkit://reset-password",
      `resetkit://sign-in?token=${TOKEN}`,
      "resetkit://sign-in?next=https://evil.example",
      "resetkit://sign-in/extra",
      "resetkit://sign-in#x",
      "resetkit://SIGN-IN",
      "resetkit://constructor",
      "resetkit://__proto__",
      "not a url",
      42,
    ];
    for (const link of bad) expect(parseDeepLink(link), String(link)).toBeNull();
  });

  it("recognises a parsed link that crossed a process boundary, and nothing else", () => {
    expect(isDeepLink({ kind: "reset-password", token: TOKEN })).toBe(true);
    expect(isDeepLink({ kind: "sign-in" })).toBe(true);
    for (const value of [null, "resetkit://sign-in", { kind: "reset-password", token: "short" }, { kind: "other" }, { token: TOKEN }]) {
      expect(isDeepLink(value)).toBe(false);
    }
  });
});
