import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../../worker/src/index.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import { consumeRateLimit, RATE_LIMIT_RULES, type RateLimitRuleName } from "../../../worker/src/rate-limit/rate-limit.ts";
import { productionEnv } from "../production-env.ts";

const MINUTE = 60_000;
/** A moment that starts a 15-minute window, so window arithmetic in the tests is exact. */
const WINDOW_START = Date.parse("2026-11-26T12:00:00.000Z");
let subjectCounter = 0;

afterEach(() => {
  vi.restoreAllMocks();
});

function freshSubject(): string {
  subjectCounter += 1;
  return `subject-${subjectCounter}@example.com`;
}

async function consumeTimes(rule: RateLimitRuleName, subject: string, times: number, onEnv: Env = env) {
  const results = [];
  for (let index = 0; index < times; index += 1) results.push(await consumeRateLimit(onEnv, rule, subject));
  return results;
}

describe("the rate-limit rules", () => {
  it("are 10 per IP and 3 per email per 15 minutes for resets, 10 per email+IP for sign-in", () => {
    expect(RATE_LIMIT_RULES).toEqual({
      "reset-per-ip": { limit: 10, windowMs: 15 * MINUTE },
      "reset-per-email": { limit: 3, windowMs: 15 * MINUTE },
      "sign-in-per-email-ip": { limit: 10, windowMs: 15 * MINUTE },
    });
  });
});

describe("consumeRateLimit", () => {
  it("allows 10 reset requests from one IP in 15 minutes and refuses the 11th", async () => {
    vi.spyOn(clock, "now").mockReturnValue(WINDOW_START);
    const results = await consumeTimes("reset-per-ip", "192.0.2.10", 11);
    expect(results.slice(0, 10)).toEqual(Array(10).fill({ allowed: true }));
    expect(results[10]).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
  });

  it("allows 3 reset emails per address in 15 minutes and refuses the 4th", async () => {
    vi.spyOn(clock, "now").mockReturnValue(WINDOW_START);
    const subject = freshSubject();
    const results = await consumeTimes("reset-per-email", subject, 4);
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
  });

  it("tells how many seconds remain until the window ends", async () => {
    const now = vi.spyOn(clock, "now").mockReturnValue(WINDOW_START);
    const subject = freshSubject();
    await consumeTimes("reset-per-email", subject, 3);
    now.mockReturnValue(WINDOW_START + 5 * MINUTE + 500);
    expect(await consumeRateLimit(env, "reset-per-email", subject)).toEqual({ allowed: false, retryAfterSeconds: 600 });
  });

  it("allows the subject again once the 15-minute window has passed", async () => {
    const now = vi.spyOn(clock, "now").mockReturnValue(WINDOW_START);
    const subject = freshSubject();
    await consumeTimes("reset-per-email", subject, 4);
    now.mockReturnValue(WINDOW_START + 15 * MINUTE);
    expect(await consumeRateLimit(env, "reset-per-email", subject)).toEqual({ allowed: true });
  });

  it("counts each rule and each subject separately", async () => {
    vi.spyOn(clock, "now").mockReturnValue(WINDOW_START);
    const subject = freshSubject();
    await consumeTimes("reset-per-email", subject, 3);
    expect(await consumeRateLimit(env, "reset-per-email", freshSubject())).toEqual({ allowed: true });
    expect(await consumeRateLimit(env, "sign-in-per-email-ip", subject)).toEqual({ allowed: true });
  });

  it("stores subjects only as hashes, never the raw email address", async () => {
    const subject = "private.person@example.com";
    await consumeRateLimit(env, "reset-per-email", subject);
    const { results } = await env.DB.prepare("SELECT bucket FROM rate_limits").all<{ bucket: string }>();
    const buckets = results.map((row) => row.bucket);
    expect(buckets.some((bucket) => /^reset-per-email:[0-9a-f]{64}$/.test(bucket))).toBe(true);
    expect(buckets.join("\n")).not.toContain("private.person");
  });

  it("records an expiry at the end of the window, for the scheduled purge", async () => {
    vi.spyOn(clock, "now").mockReturnValue(WINDOW_START + 7 * MINUTE);
    await consumeRateLimit(env, "reset-per-ip", "192.0.2.77");
    const row = await env.DB.prepare("SELECT window_start, expires_at FROM rate_limits WHERE window_start = ? ORDER BY rowid DESC")
      .bind(WINDOW_START)
      .first<{ window_start: number; expires_at: number }>();
    expect(row).toEqual({ window_start: WINDOW_START, expires_at: WINDOW_START + 15 * MINUTE });
  });

  it("lets exactly 10 of 25 concurrent requests through, because counting is one atomic statement", async () => {
    vi.spyOn(clock, "now").mockReturnValue(WINDOW_START);
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(env, "reset-per-ip", "192.0.2.200")));
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
  });
});

describe("RATE_LIMITS", () => {
  it('"off" lifts every limit in development', async () => {
    const development = { ...env, ENVIRONMENT: "development", RATE_LIMITS: "off" };
    const results = await consumeTimes("reset-per-email", freshSubject(), 5, development);
    expect(results.every((result) => result.allowed)).toBe(true);
  });

  it('"off" is ignored in production', async () => {
    const production = { ...env, ENVIRONMENT: "production", RATE_LIMITS: "off" };
    const results = await consumeTimes("reset-per-email", freshSubject(), 4, production);
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
  });

  it('is "on" in wrangler.toml, so limits apply by default', async () => {
    expect(env.RATE_LIMITS).toBe("on");
    const results = await consumeTimes("reset-per-email", freshSubject(), 4);
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
  });

  it("production still answers the 11th reset request from one IP with 429 when RATE_LIMITS is off", async () => {
    const production = productionEnv({ RATE_LIMITS: "off" });
    const statuses: number[] = [];
    for (let index = 0; index < 11; index += 1) {
      const request = new Request("http://127.0.0.1/api/v1/password-resets", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": "192.0.2.250" },
        body: JSON.stringify({ email: `nobody${index}@example.com` }),
      });
      const ctx = createExecutionContext();
      const response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], production, ctx);
      await waitOnExecutionContext(ctx);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
  });
});
