import { describe, expect, it } from "vitest";
import { checkApiUrl, readBuildApiUrl, readDesktopConfig } from "../../../desktop/src/main/config.ts";

const DEVELOPMENT = { packaged: false, builtApiUrl: "" };
const INSTALLED = { packaged: true, builtApiUrl: "https://reset.example.com" };
const HTTPS_ONLY = "RESETKIT_API_URL must be https://, or http:// only on 127.0.0.1, localhost or [::1].";

describe("the Worker URL rule", () => {
  it.each([
    ["https", "https://reset.example.com/", "https://reset.example.com"],
    ["https with a path", "https://example.com/resetkit", "https://example.com/resetkit"],
    ["http on 127.0.0.1", "http://127.0.0.1:8787", "http://127.0.0.1:8787"],
    ["http on localhost", "http://localhost:8787/", "http://localhost:8787"],
    ["http on [::1]", "http://[::1]:8787", "http://[::1]:8787"],
  ])("accepts %s", (_case, value, url) => {
    expect(checkApiUrl(value)).toEqual({ ok: true, url });
  });

  it.each([
    ["plain http to another host", "http://reset.example.com", HTTPS_ONLY],
    ["plain http to a LAN address", "http://192.168.1.10:8787", HTTPS_ONLY],
    ["plain http to a host that only starts like loopback", "http://127.0.0.1.evil.example", HTTPS_ONLY],
    ["another protocol", "ftp://reset.example.com", HTTPS_ONLY],
    ["text that is not a URL", "reset.example.com", "RESETKIT_API_URL is not a URL: reset.example.com"],
    ["credentials", "https://admin:secret@reset.example.com", "RESETKIT_API_URL must be a plain origin and path, without credentials, query or fragment"],
    ["a query", "https://reset.example.com/?debug=1", "RESETKIT_API_URL must be a plain origin and path, without credentials, query or fragment"],
  ])("refuses %s, saying why", (_case, value, message) => {
    expect(checkApiUrl(value)).toEqual({ ok: false, message });
  });
});

describe("the Worker URL baked in at build time", () => {
  it("is required for a release build, in one sentence", () => {
    expect(readBuildApiUrl({}, true)).toEqual({
      ok: false,
      message: "A release build needs RESETKIT_API_URL set to the Worker's https:// URL.",
    });
  });

  it("must be https for a release build", () => {
    expect(readBuildApiUrl({ RESETKIT_API_URL: "http://reset.example.com" }, true)).toEqual({ ok: false, message: HTTPS_ONLY });
    expect(readBuildApiUrl({ RESETKIT_API_URL: "https://reset.example.com" }, true)).toEqual({ ok: true, url: "https://reset.example.com" });
  });

  it("may be left out of a development build", () => {
    expect(readBuildApiUrl({}, false)).toEqual({ ok: true, url: "" });
    expect(readBuildApiUrl({ RESETKIT_API_URL: "http://reset.example.com" }, false)).toEqual({ ok: false, message: HTTPS_ONLY });
  });
});

describe("the desktop configuration at launch", () => {
  it("points a development run at the local Worker and the resetkit scheme by default", () => {
    expect(readDesktopConfig({}, DEVELOPMENT)).toEqual({ ok: true, config: { apiBaseUrl: "http://127.0.0.1:8787", deepLinkScheme: "resetkit" } });
  });

  it("lets a development run take the Worker URL and scheme from the environment", () => {
    expect(readDesktopConfig({ RESETKIT_API_URL: "https://reset.example.com/", RESETKIT_DEEP_LINK_SCHEME: "acme-reset" }, DEVELOPMENT)).toEqual({
      ok: true,
      config: { apiBaseUrl: "https://reset.example.com", deepLinkScheme: "acme-reset" },
    });
  });

  it("uses the baked-in URL and scheme in an installed app, whatever the environment says", () => {
    expect(readDesktopConfig({ RESETKIT_API_URL: "http://127.0.0.1:8787", RESETKIT_DEEP_LINK_SCHEME: "other" }, INSTALLED)).toEqual({
      ok: true,
      config: { apiBaseUrl: "https://reset.example.com", deepLinkScheme: "resetkit" },
    });
  });

  it("never lets an installed app fall back to the local development Worker", () => {
    expect(readDesktopConfig({ RESETKIT_API_URL: "http://127.0.0.1:8787" }, { packaged: true, builtApiUrl: "" })).toEqual({
      ok: false,
      message: "This build of ResetKit has no Worker URL; build it again with RESETKIT_API_URL set.",
    });
  });

  it("checks the baked-in URL again at launch", () => {
    expect(readDesktopConfig({}, { packaged: true, builtApiUrl: "http://reset.example.com" })).toEqual({ ok: false, message: HTTPS_ONLY });
  });

  it("refuses a deep-link scheme that is not a URL scheme", () => {
    expect(readDesktopConfig({ RESETKIT_DEEP_LINK_SCHEME: "reset kit" }, DEVELOPMENT)).toEqual({
      ok: false,
      message: "RESETKIT_DEEP_LINK_SCHEME is not a valid URL scheme: reset kit",
    });
  });
});
