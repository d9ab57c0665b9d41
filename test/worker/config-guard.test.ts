import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEVELOPMENT_HMAC_KEY, HMAC_KEY_MIN_BYTES } from "../../worker/src/config.ts";
import { checkAnswersAgainstTheDocument } from "./contract-check.ts";
import { productionEnv } from "./production-env.ts";

// A fault is logged once per isolate. The files of one test worker share their modules, and an
// earlier file may have met the same fault, so this file loads the Worker afresh, as a new isolate
// would, and holds its answers to the OpenAPI document like every other.
vi.resetModules();
const { default: worker } = await import("../../worker/src/index.ts");
checkAnswersAgainstTheDocument(worker);

afterEach(() => {
  vi.restoreAllMocks();
});

async function fetchWith(workerEnv: Env, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const request = new Request(`https://reset.example.com${path}`, init);
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], workerEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** Each row breaks one setting of an otherwise correct production config; every fault is distinct. */
const MISCONFIGURATIONS: Array<{ name: string; setting: string; overrides: Partial<Record<keyof Env, unknown>> }> = [
  { name: "MAIL_TRANSPORT is the outbox", setting: "MAIL_TRANSPORT", overrides: { MAIL_TRANSPORT: "outbox" } },
  { name: "MAILCHANNELS_API_KEY is missing", setting: "MAILCHANNELS_API_KEY", overrides: { MAILCHANNELS_API_KEY: undefined } },
  { name: "HMAC_KEY is blank", setting: "HMAC_KEY", overrides: { HMAC_KEY: "  " } },
  // The public key from wrangler.toml [env.dev.vars]: with it and a copy of D1, stored codes and subjects reverse.
  { name: "HMAC_KEY is the development key", setting: "HMAC_KEY", overrides: { HMAC_KEY: DEVELOPMENT_HMAC_KEY } },
  { name: "HMAC_KEY is shorter than 32 bytes", setting: "HMAC_KEY", overrides: { HMAC_KEY: "x".repeat(HMAC_KEY_MIN_BYTES - 1) } },
  { name: "PUBLIC_BASE_URL is missing", setting: "PUBLIC_BASE_URL", overrides: { PUBLIC_BASE_URL: undefined } },
  { name: "PUBLIC_BASE_URL is plain http", setting: "PUBLIC_BASE_URL", overrides: { PUBLIC_BASE_URL: "http://reset.example.com" } },
  { name: "PUBLIC_BASE_URL is not a URL", setting: "PUBLIC_BASE_URL", overrides: { PUBLIC_BASE_URL: "reset.example.com" } },
  { name: "PUBLIC_BASE_URL is localhost", setting: "PUBLIC_BASE_URL", overrides: { PUBLIC_BASE_URL: "https://localhost:8787" } },
  { name: "PUBLIC_BASE_URL is 127.0.0.1", setting: "PUBLIC_BASE_URL", overrides: { PUBLIC_BASE_URL: "https://127.0.0.1" } },
  { name: "PUBLIC_BASE_URL is [::1]", setting: "PUBLIC_BASE_URL", overrides: { PUBLIC_BASE_URL: "https://[::1]" } },
  // Anything but the exact "development" is production, so a typo cannot switch the checks off.
  { name: "ENVIRONMENT is a near miss", setting: "PUBLIC_BASE_URL", overrides: { ENVIRONMENT: "Development", PUBLIC_BASE_URL: "https://app.localhost" } },
];

describe("a misconfigured production Worker", () => {
  it.each(MISCONFIGURATIONS)("refuses every request with 503 and logs once which setting is wrong when $name", async ({ setting, overrides }) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = productionEnv(overrides);

    const health = await fetchWith(broken, "/healthz");
    expect(health.status).toBe(503);

    const api = await fetchWith(broken, "/api/v1/password-resets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "someone@example.com" }),
    });
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toBe("application/problem+json");
    expect(api.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await api.json()).toMatchObject({ status: 503, code: "unavailable" });

    const page = await fetchWith(broken, "/forgot-password");
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await page.text()).toContain("Temporarily unavailable");

    const lines = log.mock.calls.map((call) => call.join(" "));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`misconfigured: ${setting} `);
  });

  it("never leaks its configuration to the visitor", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await fetchWith(productionEnv({ MAILCHANNELS_API_KEY: "", PUBLIC_BASE_URL: "https://localhost" }), "/api/v1/sessions");
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(body).not.toContain("MAILCHANNELS_API_KEY");
    expect(body).not.toContain("localhost");
  });

  it("skips the scheduled purge without touching storage", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const statements: string[] = [];
    const recordingDb = new Proxy(env.DB, {
      get(target, property) {
        if (property === "prepare") return (sql: string) => (statements.push(sql), target.prepare(sql));
        const value = Reflect.get(target, property) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    await worker.scheduled(createScheduledController(), productionEnv({ HMAC_KEY: undefined, DB: recordingDb }));
    expect(statements).toEqual([]);
    expect(log.mock.calls.map((call) => call.join(" ")).join("\n")).toContain("scheduled purge skipped");

    await worker.scheduled(createScheduledController(), productionEnv({ DB: recordingDb }));
    expect(statements.length).toBeGreaterThan(0);
  });
});

describe("a correctly configured production Worker", () => {
  it("serves its health check, pages and API", async () => {
    const configured = productionEnv();
    expect((await fetchWith(configured, "/healthz")).status).toBe(200);
    expect((await fetchWith(configured, "/forgot-password")).status).toBe(200);
    const verify = await fetchWith(configured, "/api/v1/password-resets/verify", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: "Q".repeat(43) }),
    });
    expect(verify.status).toBe(410);
  });

  it("accepts an HMAC_KEY of exactly 32 bytes", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect((await fetchWith(productionEnv({ HMAC_KEY: "k".repeat(HMAC_KEY_MIN_BYTES) }), "/healthz")).status).toBe(200);
    expect(log).not.toHaveBeenCalled();
  });
});

describe("a development Worker", () => {
  it("is never refused, even with the outbox, no MailChannels key, no HMAC key and a loopback base URL", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const development = {
      ...env,
      ENVIRONMENT: "development",
      MAIL_TRANSPORT: "outbox",
      MAILCHANNELS_API_KEY: undefined,
      HMAC_KEY: undefined,
      PUBLIC_BASE_URL: undefined,
    } as unknown as Env;
    expect((await fetchWith(development, "/healthz")).status).toBe(200);
    expect((await fetchWith(development, "/forgot-password")).status).toBe(200);
    expect(log).not.toHaveBeenCalled();
  });
});
