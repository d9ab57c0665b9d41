/**
 * The operator API as support uses it: only with the token (404 without one configured, 401 with a
 * wrong one), the deliveries of an address page by page, a failed email sent again, an account's
 * state, signing it out everywhere and lifting its sign-in lock; one audit record per call and
 * never the token in it.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../../worker/src/index.ts";
import type { MailJob } from "../../../worker/src/jobs/mail-jobs.ts";
import { captureMailJobs, runMailJobs, trackMailJobs, waitForMailJobs } from "../jobs/mail-queue-fixtures.ts";
import { ORIGINAL_PASSWORD, registerAccount } from "../reset/reset-fixtures.ts";

const TOKEN = "operator-token-for-tests-0123456789-abcdef";
const operatorEnv = { ...env, ADMIN_API_TOKEN: TOKEN } as Env;
let ipCounter = 0;

async function call(
  base: Env,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; waitForMail?: boolean } = {},
): Promise<Response> {
  ipCounter += 1;
  const headers = new Headers({ "cf-connecting-ip": `198.19.${Math.floor(ipCounter / 250)}.${ipCounter % 250}` });
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  if (options.body !== undefined) headers.set("content-type", "application/json");
  const tracked = trackMailJobs(base);
  const ctx = createExecutionContext();
  const request = new Request(`http://127.0.0.1${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], tracked.env, ctx);
  await waitOnExecutionContext(ctx);
  if (options.waitForMail !== false) await waitForMailJobs(tracked.ids);
  return response;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("who may use the operator API", () => {
  it("does not exist without ADMIN_API_TOKEN: every path answers the ordinary 404", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/admin/deliveries"],
      ["GET", "/api/v1/admin/accounts?email=a@example.com"],
      ["DELETE", "/api/v1/admin/accounts/x/sessions"],
      ["PUT", "/api/v1/admin/deliveries"],
    ] as const) {
      const response = await call(env, method, path, { token: TOKEN });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.json()).toMatchObject({ code: "not_found" });
    }
  });

  it("answers 401 with WWW-Authenticate for a missing or wrong token, a wrong method too", async () => {
    for (const token of [null, "wrong-token", `${TOKEN}x`]) {
      const response = await call(operatorEnv, "GET", "/api/v1/admin/deliveries", { token });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      expect(await response.json()).toMatchObject({ code: "unauthorized" });
    }
    expect((await call(operatorEnv, "PUT", "/api/v1/admin/deliveries", { token: null })).status).toBe(401);
    expect((await call(operatorEnv, "PUT", "/api/v1/admin/deliveries")).status).toBe(405);
  });
});

describe("the deliveries", () => {
  it("lists an address's emails newest first, filtered and a page at a time", async () => {
    await registerAccount("support-me@example.com");
    for (let index = 0; index < 3; index += 1) await call(operatorEnv, "POST", "/api/v1/password-resets", { body: { email: "support-me@example.com" }, token: null });

    const first = await call(operatorEnv, "GET", "/api/v1/admin/deliveries?to=Support-Me@example.com&limit=2");
    expect(first.status).toBe(200);
    const page = (await first.json()) as { deliveries: Array<Record<string, unknown>>; nextCursor: string | null };
    expect(page.deliveries).toHaveLength(2);
    expect(page.deliveries[0]).toEqual({
      id: expect.any(String),
      kind: "password_reset",
      status: "sent",
      to: "support-me@example.com",
      attempts: 1,
      lastError: null,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    expect(page.nextCursor).not.toBeNull();
    const second = (await (await call(operatorEnv, "GET", `/api/v1/admin/deliveries?to=support-me@example.com&limit=2&cursor=${page.nextCursor}`)).json()) as typeof page;
    expect(second.deliveries).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...page.deliveries, ...second.deliveries].map((delivery) => delivery.id)).size).toBe(3);

    const none = (await (await call(operatorEnv, "GET", "/api/v1/admin/deliveries?to=support-me@example.com&status=failed")).json()) as typeof page;
    expect(none.deliveries).toEqual([]);
    const bad = await call(operatorEnv, "GET", "/api/v1/admin/deliveries?status=lost&limit=1000");
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { errors: object }).errors).sort()).toEqual(["limit", "status"]);
  });

  it("sends a failed email again through the queue, under a new id, and refuses to resend one that was sent", async () => {
    const account = await registerAccount("never-came@example.com");
    // MailChannels refuses the message for good (400): the delivery fails and keeps its job.
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response("bad request", { status: 400 }));
    const mailchannels = { ...operatorEnv, MAIL_TRANSPORT: "mailchannels", MAILCHANNELS_API_URL: "https://mail.test/tx/v1/send", MAILCHANNELS_API_KEY: "k" } as Env;
    const job: MailJob = { kind: "password_changed", id: crypto.randomUUID(), accountId: account.id, changedAt: Date.now() };
    await runMailJobs([job], { env: mailchannels });
    vi.restoreAllMocks();
    const listed = (await (await call(operatorEnv, "GET", "/api/v1/admin/deliveries?to=never-came@example.com&status=failed")).json()) as {
      deliveries: Array<{ id: string; lastError: string }>;
    };
    expect(listed.deliveries.map((delivery) => delivery.id)).toEqual([job.id]);
    expect(listed.deliveries[0]?.lastError).toContain("400");

    const captured = captureMailJobs(operatorEnv);
    const retried = await call(captured.env, "POST", `/api/v1/admin/deliveries/${job.id}/retry`, { waitForMail: false });
    expect(retried.status).toBe(202);
    const { id } = (await retried.json()) as { id: string; retryOf: string };
    expect(captured.jobs).toEqual([{ kind: "password_changed", id, accountId: account.id, changedAt: job.changedAt }]);
    expect(id).not.toBe(job.id);

    expect((await call(operatorEnv, "POST", `/api/v1/admin/deliveries/${id}/retry`)).status).toBe(404);
    const sent = (await (await call(operatorEnv, "GET", "/api/v1/admin/deliveries?status=sent&limit=1")).json()) as { deliveries: Array<{ id: string }> };
    const refused = await call(operatorEnv, "POST", `/api/v1/admin/deliveries/${sent.deliveries[0]?.id}/retry`);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "delivery_not_failed" });
  });
});

describe("an account", () => {
  it("shows its state, signs it out everywhere and lifts its sign-in lock", async () => {
    const account = await registerAccount("state@example.com");
    const session = (await (await call(operatorEnv, "POST", "/api/v1/sessions", { body: { email: "state@example.com", password: ORIGINAL_PASSWORD }, token: null })).json()) as {
      token: string;
    };
    await call(operatorEnv, "POST", "/api/v1/password-resets", { body: { email: "state@example.com" }, token: null });
    for (let attempt = 0; attempt < 11; attempt += 1) {
      await call(operatorEnv, "POST", "/api/v1/sessions", { body: { email: "state@example.com", password: "wrong password" }, token: null });
    }

    const found = await call(operatorEnv, "GET", "/api/v1/admin/accounts?email=STATE@example.com");
    expect(found.status).toBe(200);
    const state = (await found.json()) as Record<string, unknown>;
    expect(state).toEqual({
      id: account.id,
      email: "state@example.com",
      verified: true,
      passwordLocked: false,
      signInLockedUntil: expect.stringMatching(/Z$/),
      sessions: 1,
      liveResetLinks: 1,
      createdAt: expect.stringMatching(/Z$/),
      lastSignInAt: expect.stringMatching(/Z$/),
    });
    expect(JSON.stringify(state)).not.toMatch(/scrypt|hash/);

    expect((await call(operatorEnv, "DELETE", `/api/v1/admin/accounts/${account.id}/sessions`)).status).toBe(204);
    expect((await call(operatorEnv, "GET", "/api/v1/me", { token: session.token })).status).toBe(401);
    expect((await call(operatorEnv, "POST", `/api/v1/admin/accounts/${account.id}/unlock-sign-in`)).status).toBe(204);
    const after = (await (await call(operatorEnv, "GET", "/api/v1/admin/accounts?email=state@example.com")).json()) as Record<string, unknown>;
    expect(after).toMatchObject({ sessions: 0, signInLockedUntil: null });
    expect((await call(operatorEnv, "POST", "/api/v1/sessions", { body: { email: "state@example.com", password: ORIGINAL_PASSWORD }, token: null })).status).toBe(200);
  });

  it("answers 404 for an address or id with no account", async () => {
    expect((await call(operatorEnv, "GET", "/api/v1/admin/accounts?email=nobody@example.com")).status).toBe(404);
    expect((await call(operatorEnv, "DELETE", "/api/v1/admin/accounts/no-such-id/sessions")).status).toBe(404);
    expect((await call(operatorEnv, "POST", "/api/v1/admin/accounts/no-such-id/unlock-sign-in")).status).toBe(404);
    expect((await call(operatorEnv, "GET", "/api/v1/admin/accounts")).status).toBe(400);
  });

  it("writes one audit record and one log line per call, and neither holds the token", async () => {
    const log = vi.spyOn(console, "info");
    const before = await env.DB.prepare("SELECT COALESCE(MAX(seq), 0) AS seq FROM admin_audit").first<{ seq: number }>();
    await call(operatorEnv, "GET", "/api/v1/admin/accounts?email=audited@example.com");
    await call(operatorEnv, "GET", "/api/v1/admin/deliveries?to=audited@example.com");
    const { results } = await env.DB.prepare("SELECT action, target FROM admin_audit WHERE seq > ? ORDER BY seq").bind(before?.seq ?? 0).all();
    expect(results).toEqual([
      { action: "accounts.find", target: "audited@example.com" },
      { action: "deliveries.list", target: "audited@example.com" },
    ]);
    const lines = log.mock.calls.map((args) => args.join(" ")).filter((line) => line.startsWith("admin "));
    expect(lines).toEqual(["admin accounts.find audited@example.com", "admin deliveries.list audited@example.com"]);
    expect(JSON.stringify(await env.DB.prepare("SELECT * FROM admin_audit").all()) + lines.join()).not.toContain(TOKEN);
  });
});
