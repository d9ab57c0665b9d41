import { describe, expect, it } from "vitest";
import { readDesktopConfig } from "../../../desktop/src/main/config.ts";

describe("the desktop configuration", () => {
  it("points at the local Worker and the resetkit scheme by default", () => {
    expect(readDesktopConfig({})).toEqual({ ok: true, config: { apiBaseUrl: "http://127.0.0.1:8787", deepLinkScheme: "resetkit" } });
  });

  it("takes the Worker URL from RESETKIT_API_URL, without a trailing slash", () => {
    expect(readDesktopConfig({ RESETKIT_API_URL: "https://reset.example.com/" })).toEqual({
      ok: true,
      config: { apiBaseUrl: "https://reset.example.com", deepLinkScheme: "resetkit" },
    });
  });

  it.each([
    ["text that is not a URL", "reset.example.com", "RESETKIT_API_URL is not a URL: reset.example.com"],
    ["another protocol", "ftp://reset.example.com", "RESETKIT_API_URL must start with https:// or http://"],
    ["credentials", "https://admin:secret@reset.example.com", "RESETKIT_API_URL must be a plain origin and path, without credentials, query or fragment"],
    ["a query", "https://reset.example.com/?debug=1", "RESETKIT_API_URL must be a plain origin and path, without credentials, query or fragment"],
  ])("refuses a Worker URL with %s, saying why", (_case, value, message) => {
    expect(readDesktopConfig({ RESETKIT_API_URL: value })).toEqual({ ok: false, message });
  });

  it("refuses a deep-link scheme that is not a URL scheme", () => {
    expect(readDesktopConfig({ RESETKIT_DEEP_LINK_SCHEME: "reset kit" })).toEqual({
      ok: false,
      message: "RESETKIT_DEEP_LINK_SCHEME is not a valid URL scheme: reset kit",
    });
  });
});
