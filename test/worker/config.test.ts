import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { findMisconfiguration, readConfig } from "../../worker/src/config.ts";
import { productionEnv } from "./production-env.ts";

describe("readConfig", () => {
  it("parses an env once and hands every later caller the same config", () => {
    const workerEnv = productionEnv();
    const first = readConfig(workerEnv);
    expect(readConfig(workerEnv)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("reads a different env object afresh", () => {
    expect(readConfig(productionEnv({ APP_NAME: "First" })).appName).toBe("First");
    expect(readConfig(productionEnv({ APP_NAME: "Second" })).appName).toBe("Second");
  });

  it("falls back to the local origin for links only in development", () => {
    expect(readConfig({ ...env, PUBLIC_BASE_URL: undefined } as unknown as Env).publicBaseUrl).toBe("http://127.0.0.1:8787");
    expect(readConfig(productionEnv({ PUBLIC_BASE_URL: undefined })).publicBaseUrl).toBe("");
  });
});

describe("findMisconfiguration", () => {
  it("accepts a complete production config and any development config", () => {
    expect(findMisconfiguration(readConfig(productionEnv()))).toBeNull();
    expect(findMisconfiguration(readConfig(env))).toBeNull();
    // Plain http is only for a stand-in on this machine, and a switched-off check needs no URL at all.
    expect(findMisconfiguration(readConfig(productionEnv({ PWNED_PASSWORDS_API_URL: "http://127.0.0.1:9/range/" })))).toBeNull();
    expect(findMisconfiguration(readConfig(productionEnv({ PWNED_PASSWORDS_API_URL: "http://pwned.example.com/", BREACHED_PASSWORD_CHECK: "off" })))).toBeNull();
    const events = { WEBHOOK_URL: "https://hooks.example.com/resetkit", WEBHOOK_SECRET: "whsec_cmVzZXRraXQtdGVzdC13ZWJob29rLXNlY3JldC0wMDAwMDA=" };
    expect(findMisconfiguration(readConfig(productionEnv(events)))).toBeNull();
    expect(findMisconfiguration(readConfig(productionEnv({ ADMIN_API_TOKEN: "an operator token of at least 32 bytes" })))).toBeNull();
  });

  it.each([
    [{ MAIL_TRANSPORT: undefined }, /^MAIL_TRANSPORT must be "mailchannels"/],
    [{ MAILCHANNELS_API_KEY: "" }, /^MAILCHANNELS_API_KEY is not set; run `wrangler secret put MAILCHANNELS_API_KEY`/],
    [{ HMAC_KEY: undefined }, /^HMAC_KEY is not set; run `openssl rand -base64 32 \| wrangler secret put HMAC_KEY`/],
    [{ HMAC_KEY: "resetkit-development-key-not-secret" }, /^HMAC_KEY is the public development key from wrangler.toml/],
    [{ HMAC_KEY: "a key of thirty-one bytes, no more".slice(0, 31) }, /^HMAC_KEY is shorter than 32 bytes/],
    [{ PWNED_PASSWORDS_API_URL: "http://pwned.example.com/range/" }, /^PWNED_PASSWORDS_API_URL must be https in production/],
    [{ PUBLIC_BASE_URL: "" }, /^PUBLIC_BASE_URL is not set/],
    [{ PUBLIC_BASE_URL: "http://reset.example.com" }, /^PUBLIC_BASE_URL is not https/],
    [{ PUBLIC_BASE_URL: "https://LOCALHOST." }, /^PUBLIC_BASE_URL points at this machine/],
    [{ PUBLIC_BASE_URL: "https://127.1.2.3:8443" }, /^PUBLIC_BASE_URL points at this machine/],
    [{ DEFAULT_LOCALE: "pt" }, /^DEFAULT_LOCALE is "pt", not one of en, de, es, fr, ja, ar/],
    [{ WEBHOOK_URL: "http://hooks.example.com/", WEBHOOK_SECRET: "whsec_cmVzZXRraXQtdGVzdC13ZWJob29rLXNlY3JldC0wMDAwMDA=" }, /^WEBHOOK_URL must be https/],
    [{ WEBHOOK_URL: "https://hooks.example.com/" }, /^WEBHOOK_SECRET is not set while WEBHOOK_URL is/],
    [{ WEBHOOK_URL: "https://hooks.example.com/", WEBHOOK_SECRET: "whsec_c2hvcnQ=" }, /^WEBHOOK_SECRET is not whsec_ and the base64 of at least 24 bytes/],
    [{ ADMIN_API_TOKEN: "too short" }, /^ADMIN_API_TOKEN is shorter than 32 bytes/],
  ])("names the setting to fix for %o", (overrides, expected) => {
    expect(findMisconfiguration(readConfig(productionEnv(overrides)))).toMatch(expected);
  });
});
