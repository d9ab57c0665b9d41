import { describe, expect, it } from "vitest";
import { buildResetDeepLink, findResetDeepLinkInArgv, parseResetDeepLink } from "../../shared/deep-link.ts";

const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";

describe("the reset deep link", () => {
  it("round-trips: a built link parses back to its token", () => {
    const link = buildResetDeepLink("resetkit", TOKEN);
    expect(link).toBe(`resetkit://reset-password?token=${TOKEN}`);
    expect(parseResetDeepLink(link, "resetkit")).toEqual({ kind: "reset-password", token: TOKEN });
  });

  it("accepts a trailing slash after the host", () => {
    expect(parseResetDeepLink(`resetkit://reset-password/?token=${TOKEN}`)).toEqual({ kind: "reset-password", token: TOKEN });
  });

  it("finds the link among the command-line arguments of a second launch", () => {
    const argv = ["/usr/bin/resetkit", "--no-sandbox", `resetkit://reset-password?token=${TOKEN}`];
    expect(findResetDeepLinkInArgv(argv)).toEqual({ kind: "reset-password", token: TOKEN });
  });

  it("drops links that are not exactly a reset link", () => {
    const bad = [
      `other://reset-password?token=${TOKEN}`,
      `resetkit://evil.example?token=${TOKEN}`,
      `resetkit://reset-password/extra?token=${TOKEN}`,
      `resetkit://reset-password?token=${TOKEN}&next=https://evil.example`,
      `resetkit://reset-password?token=${TOKEN}#fragment`,
      `resetkit://user:pass@reset-password?token=${TOKEN}`,
      `resetkit://reset-password?token=${TOKEN.slice(1)}`,
      "resetkit://reset-password?token=",
      "not a url",
      42,
    ];
    for (const link of bad) expect(parseResetDeepLink(link)).toBeNull();
  });
});
