import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { computeKeyedHash } from "../../../worker/src/crypto/keyed-hash.ts";
import worker from "../../../worker/src/index.ts";
import { clock } from "../../../worker/src/platform/clock.ts";
import {
  consumeRateLimit,
  RATE_LIMIT_RULES,
  refundRateLimitHit,
  reserveRateLimit,
  type RateLimitRuleName,
} from "../../../worker/src/rate-limit/rate-limit.ts";
import { productionEnv } from "../production-env.ts";

const MINUTE = 60_000;
const SECOND = 1_000;
/** A moment on a 15-minute clock boundary, which fixed windows used to reset on. */
const BOUNDARY = Date.parse("2026-11-26T12:15:00.000Z");
let subjectCounter = 0;
/** The clock, passing through to the real one until a test sets a time. */
let now: MockInstance<() => number>;

beforeEach(() => {
  now = vi.spyOn(clock, "now");
});

afterEach(() => {
  vi.restoreAllMocks();
});

function freshSubject(): string {
  subjectCounter += 1;
  return `subject-${subjectCounter}@example.com`;
}

function freshIpv4(): string {
  subjectCounter += 1;
  return `198.51.100.${subjectCounter % 250}`;
}

function freshIpv6Network(): string {
  subjectCounter += 1;
  return `2001:db8:${subjectCounter.toString(16)}:1`;
}

async function consumeTimes(rule: RateLimitRuleName, subject: string, times: number, onEnv: Env = env) {
  const results = [];
  for (let index = 0; index < times; index += 1) results.push(await consumeRateLimit(onEnv, rule, subject));
  return results;
}

/** Sets the clock, then counts one hit. */
function consumeAt(at: number, rule: RateLimitRuleName, subject: string) {
  now.mockReturnValue(at);
  return consumeRateLimit(env, rule, subject);
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

describe("the rate-limit rules", () => {
  it("are 10 reset requests per network and 3 reset emails per address and network in 15 minutes under a ceiling of 10 an hour, 20 failed sign-ins and 10 code redeems per network, 10 sign-ups per network and 3 sign-up emails per address an hour", () => {
    expect(RATE_LIMIT_RULES).toEqual({
      "reset-per-network": { limit: 10, windowMs: 15 * MINUTE, per: "network" },
      "reset-emails-per-address-network": { limit: 3, windowMs: 15 * MINUTE, per: "value" },
      "reset-emails-per-address": { limit: 10, windowMs: 60 * MINUTE, per: "value" },
      "sign-in-failures-per-network": { limit: 20, windowMs: 15 * MINUTE, per: "network" },
      "redeem-code-per-network": { limit: 10, windowMs: 15 * MINUTE, per: "network" },
      "sign-up-per-network": { limit: 10, windowMs: 60 * MINUTE, per: "network" },
      "sign-up-per-email": { limit: 3, windowMs: 60 * MINUTE, per: "value" },
    });
  });
});

describe("consumeRateLimit", () => {
  it("allows 10 reset requests from one IP in 15 minutes and refuses the 11th", async () => {
    now.mockReturnValue(BOUNDARY);
    const results = await consumeTimes("reset-per-network", "192.0.2.10", 11);
    expect(results.slice(0, 10)).toEqual(Array(10).fill({ allowed: true }));
    expect(results[10]).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
  });

  it("allows 3 reset emails per address in 15 minutes and refuses the 4th", async () => {
    now.mockReturnValue(BOUNDARY);
    const subject = freshSubject();
    const results = await consumeTimes("reset-emails-per-address-network", subject, 4);
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
  });

  it("refuses the second three of six reset emails sent within 4.5 minutes across a clock boundary", async () => {
    const subject = freshSubject();
    const times = [-150, -120, -90, 0, 60, 120].map((seconds) => BOUNDARY + seconds * SECOND);
    const results = [];
    for (const at of times) results.push(await consumeAt(at, "reset-emails-per-address-network", subject));
    expect(results).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
      // Each waits until the first of the three is 15 minutes old: BOUNDARY - 150 s + 15 min.
      { allowed: false, retryAfterSeconds: 15 * 60 - 150 },
      { allowed: false, retryAfterSeconds: 15 * 60 - 150 - 60 },
      { allowed: false, retryAfterSeconds: 15 * 60 - 150 - 120 },
    ]);
  });

  it("admits the next hit exactly when Retry-After says, and not a second earlier", async () => {
    const subject = freshSubject();
    for (const minutes of [0, 5, 10]) expect(await consumeAt(BOUNDARY + minutes * MINUTE, "reset-emails-per-address-network", subject)).toEqual({ allowed: true });

    const refused = await consumeAt(BOUNDARY + 12 * MINUTE, "reset-emails-per-address-network", subject);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 3 * 60 });
    expect(await consumeAt(BOUNDARY + 15 * MINUTE - SECOND, "reset-emails-per-address-network", subject)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await consumeAt(BOUNDARY + 15 * MINUTE, "reset-emails-per-address-network", subject)).toEqual({ allowed: true });
    // Now the hits at 5, 10 and 15 minutes fill the window; the next slot opens at 20.
    expect(await consumeAt(BOUNDARY + 16 * MINUTE, "reset-emails-per-address-network", subject)).toEqual({ allowed: false, retryAfterSeconds: 4 * 60 });
  });

  it("does not count refused hits, so hammering does not push the next slot back", async () => {
    const subject = freshSubject();
    now.mockReturnValue(BOUNDARY);
    await consumeTimes("reset-emails-per-address-network", subject, 3);
    for (let second = 1; second < 15 * 60; second += 30) {
      expect((await consumeAt(BOUNDARY + second * SECOND, "reset-emails-per-address-network", subject)).allowed).toBe(false);
    }
    expect(await consumeAt(BOUNDARY + 15 * MINUTE, "reset-emails-per-address-network", subject)).toEqual({ allowed: true });
  });

  it("never admits more than the limit in any 15-minute span of two hours of irregular traffic", async () => {
    const subject = freshIpv4();
    const admitted: number[] = [];
    let at = BOUNDARY - 60 * MINUTE;
    let seed = 7;
    for (let request = 0; request < 160; request += 1) {
      // A fixed pseudo-random walk: bursts of near-simultaneous hits and pauses of up to 6 minutes.
      seed = (seed * 48_271) % 2_147_483_647;
      at += seed % 4 === 0 ? (seed % 360) * SECOND : (seed % 7) * 100;
      if ((await consumeAt(at, "reset-per-network", subject)).allowed) admitted.push(at);
    }
    const busiest = Math.max(...admitted.map((end) => admitted.filter((hit) => hit > end - 15 * MINUTE && hit <= end).length));
    expect(at - (BOUNDARY - 60 * MINUTE)).toBeGreaterThan(100 * MINUTE);
    expect(busiest).toBe(10);
    expect(admitted.length).toBeGreaterThan(40);
  });

  it("counts each rule and each subject separately", async () => {
    now.mockReturnValue(BOUNDARY);
    const subject = freshSubject();
    await consumeTimes("reset-emails-per-address-network", subject, 3);
    expect(await consumeRateLimit(env, "reset-emails-per-address-network", freshSubject())).toEqual({ allowed: true });
    const ip = freshIpv4();
    await consumeTimes("reset-per-network", ip, 10);
    expect((await consumeRateLimit(env, "reset-per-network", ip)).allowed).toBe(false);
    expect(await consumeRateLimit(env, "sign-in-failures-per-network", ip)).toEqual({ allowed: true });
  });

  it("counts addresses in one IPv6 /64 together and other /64s apart", async () => {
    now.mockReturnValue(BOUNDARY);
    const network = freshIpv6Network();
    const results = [];
    for (let host = 1; host <= 11; host += 1) {
      results.push(await consumeRateLimit(env, "reset-per-network", `${network}:${host.toString(16)}:0:0:1`));
    }
    expect(results.slice(0, 10)).toEqual(Array(10).fill({ allowed: true }));
    expect(results[10]).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
    expect(await consumeRateLimit(env, "reset-per-network", `${freshIpv6Network()}::1`)).toEqual({ allowed: true });
  });

  it("counts every spelling of one address as one network", async () => {
    now.mockReturnValue(BOUNDARY);
    const spellings = ["2001:db8:ffff:1::1", "2001:DB8:FFFF:1::1", "2001:0db8:ffff:0001:0000:0000:0000:0001", "[2001:db8:ffff:1::1]", "2001:db8:ffff:1::1%eth0"];
    for (const spelling of [...spellings, ...spellings]) expect(await consumeRateLimit(env, "reset-per-network", spelling)).toEqual({ allowed: true });
    expect((await consumeRateLimit(env, "reset-per-network", "2001:db8:ffff:1:abcd::")).allowed).toBe(false);
    // An IPv4 client seen through a dual-stack socket is the same client.
    await consumeTimes("reset-per-network", "192.0.2.251", 10);
    expect((await consumeRateLimit(env, "reset-per-network", "::ffff:192.0.2.251")).allowed).toBe(false);
  });

  it("stores subjects as HMAC-SHA-256 under HMAC_KEY, neither raw nor as a plain SHA-256", async () => {
    const subject = "private.person@example.com";
    await consumeRateLimit(env, "reset-emails-per-address-network", subject);
    const { results } = await env.DB.prepare("SELECT DISTINCT bucket FROM rate_limits").all<{ bucket: string }>();
    const buckets = results.map((row) => row.bucket);

    expect(buckets).toContain(`reset-emails-per-address-network:${await computeKeyedHash(env, "rate-limit", subject)}`);
    const digest = await sha256(subject);
    const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
    const base64 = btoa(String.fromCharCode(...digest));
    const base64Url = base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    for (const plain of [hex, base64, base64Url, subject]) expect(buckets.join("\n")).not.toContain(plain);
  });

  it("stores an IP rule's subject as the HMAC of the network, not of the address", async () => {
    await consumeRateLimit(env, "reset-per-network", "2001:db8:abc:def::42");
    const { results } = await env.DB.prepare("SELECT DISTINCT bucket FROM rate_limits").all<{ bucket: string }>();
    expect(results.map((row) => row.bucket)).toContain(`reset-per-network:${await computeKeyedHash(env, "rate-limit", "2001:db8:abc:def::/64")}`);
  });

  it("records when each hit leaves its window, for the scheduled purge", async () => {
    const at = BOUNDARY + 7 * MINUTE + 123;
    now.mockReturnValue(at);
    await consumeRateLimit(env, "reset-per-network", "192.0.2.77");
    const row = await env.DB.prepare("SELECT hit_at, expires_at FROM rate_limits WHERE hit_at = ?")
      .bind(at)
      .first<{ hit_at: number; expires_at: number }>();
    expect(row).toEqual({ hit_at: at, expires_at: at + 15 * MINUTE });
  });

  it("lets exactly 10 of 25 concurrent requests through, because check and count are one statement", async () => {
    now.mockReturnValue(BOUNDARY);
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(env, "reset-per-network", "192.0.2.200")));
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
  });
});

describe("reserveRateLimit", () => {
  it("gives a slot back when the hit is refunded", async () => {
    now.mockReturnValue(BOUNDARY);
    const subject = freshSubject();
    const reservations = [];
    for (let index = 0; index < 3; index += 1) reservations.push(await reserveRateLimit(env, "reset-emails-per-address-network", subject));
    expect((await consumeRateLimit(env, "reset-emails-per-address-network", subject)).allowed).toBe(false);

    const first = reservations[0];
    if (!first?.allowed) throw new Error("the first reservation was refused");
    await refundRateLimitHit(env, first.hit);
    expect(await consumeRateLimit(env, "reset-emails-per-address-network", subject)).toEqual({ allowed: true });
    expect((await consumeRateLimit(env, "reset-emails-per-address-network", subject)).allowed).toBe(false);
  });
});

describe("RATE_LIMITS", () => {
  it('"off" lifts every limit in development', async () => {
    const development = { ...env, ENVIRONMENT: "development", RATE_LIMITS: "off" };
    const results = await consumeTimes("reset-emails-per-address-network", freshSubject(), 5, development);
    expect(results.every((result) => result.allowed)).toBe(true);
  });

  it('"off" is ignored in production', async () => {
    const production = { ...env, ENVIRONMENT: "production", RATE_LIMITS: "off" };
    const results = await consumeTimes("reset-emails-per-address-network", freshSubject(), 4, production);
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
  });

  it('is "on" in wrangler.toml, so limits apply by default', async () => {
    expect(env.RATE_LIMITS).toBe("on");
    const results = await consumeTimes("reset-emails-per-address-network", freshSubject(), 4);
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
