/**
 * The top level of wrangler.toml is what `wrangler deploy` ships. Started as it is, with no
 * `--env dev` and no secrets (only the local Pwned Passwords stand-in every suite's Worker gets),
 * the Worker must refuse to work and say why, serve no /dev routes and keep no mail in the outbox.
 */
import { unstable_readConfig } from "wrangler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryD1 } from "../reliability/reliability-fixtures.ts";
import { waitFor } from "../support/wait-for.ts";
import { startWorker, type RunningWorker } from "../support/wrangler-dev.ts";

describe("wrangler dev on the production top level of wrangler.toml", () => {
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await startWorker({ env: null, readyStatus: 503 });
  });
  afterAll(async () => {
    await worker?.stop();
  });

  it("fails its health check with 503", async () => {
    const response = await fetch(`${worker.url}/healthz`);
    expect(response.status).toBe(503);
  });

  it("serves no /dev routes", async () => {
    for (const path of ["/dev/mailbox.json", "/dev/mailbox", "/dev/deliveries.json"]) {
      const response = await fetch(`${worker.url}${path}`);
      expect(response.status, path).toBe(404);
      await response.body?.cancel();
    }
  });

  it("answers a reset request with 503 unavailable and stores nothing in the outbox", async () => {
    const response = await fetch(`${worker.url}/api/v1/password-resets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "someone@example.com" }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await response.json()).toMatchObject({ code: "unavailable" });

    const page = await fetch(`${worker.url}/forgot-password`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("Temporarily unavailable");

    expect(await queryD1<{ n: number }>(worker, "SELECT COUNT(*) AS n FROM mail_outbox")).toEqual([{ n: 0 }]);
    expect(await queryD1<{ n: number }>(worker, "SELECT COUNT(*) AS n FROM mail_deliveries")).toEqual([{ n: 0 }]);
  });

  it("logs once which setting to fix", async () => {
    const line = "misconfigured: MAILCHANNELS_API_KEY is not set";
    await waitFor(() => worker.logs().includes(line), { description: "the misconfiguration log line" });
    expect(worker.logs().split(line)).toHaveLength(2);
  });
});

describe("wrangler dev on the production top level with the development HMAC_KEY", () => {
  let worker: RunningWorker;
  beforeAll(async () => {
    // Every other setting is right; the key is the public one from wrangler.toml's [env.dev.vars].
    const developmentKey = String(unstable_readConfig({ config: "wrangler.toml", env: "dev" }).vars.HMAC_KEY);
    worker = await startWorker({
      env: null,
      readyStatus: 503,
      vars: {
        MAILCHANNELS_API_KEY: "a key for this test",
        PUBLIC_BASE_URL: "https://reset.example.com",
        HMAC_KEY: developmentKey,
      },
    });
  });
  afterAll(async () => {
    await worker?.stop();
  });

  it("refuses to serve and names HMAC_KEY in its log", async () => {
    const response = await fetch(`${worker.url}/api/v1/password-resets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "someone@example.com" }),
    });
    expect(response.status).toBe(503);
    await waitFor(() => worker.logs().includes("misconfigured: HMAC_KEY is the public development key"), {
      description: "the HMAC_KEY log line",
    });
  });
});
