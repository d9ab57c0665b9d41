import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../../worker/src/config.ts";
import { classifyResponseStatus } from "../../../worker/src/mail/retry-policy.ts";
import { chooseRetryDelay } from "../../../worker/src/platform/retry-schedule.ts";

describe("the mail retry policy", () => {
  it("counts 202 as accepted", () => {
    expect(classifyResponseStatus(202)).toBe("accepted");
  });

  it("retries 429 and every 5xx", () => {
    for (const status of [429, 500, 502, 503, 504, 599]) expect(classifyResponseStatus(status)).toBe("retryable");
  });

  it("treats every other 4xx as permanent", () => {
    for (const status of [400, 401, 403, 404, 409, 413, 422]) expect(classifyResponseStatus(status)).toBe("permanent");
  });

  it("waits the listed delay after each attempt and repeats the last one past the end", () => {
    const delays = [30, 60, 120];
    expect([1, 2, 3, 4, 9].map((attempts) => chooseRetryDelay(delays, attempts))).toEqual([30, 60, 120, 120, 120]);
  });

  it("ships a schedule that outlasts an hour-long outage", () => {
    const production = readConfig({ ...env, MAIL_RETRY_DELAYS_SECONDS: undefined } as unknown as Env).mailRetryDelaysSeconds;
    expect(production).toEqual([30, 60, 120, 300, 600, 900, 1800]);
    expect(production.reduce((total, delay) => total + delay, 0)).toBeGreaterThanOrEqual(3600);
    expect(readConfig(env).mailRetryDelaysSeconds).toEqual(production);
  });

  it("reads MAIL_RETRY_DELAYS_SECONDS and falls back to the default for anything malformed", () => {
    expect(readConfig({ ...env, MAIL_RETRY_DELAYS_SECONDS: " 1, 2,3 " } as Env).mailRetryDelaysSeconds).toEqual([1, 2, 3]);
    for (const bad of ["", "1,,2", "0,5", "-1", "ten"]) {
      expect(readConfig({ ...env, MAIL_RETRY_DELAYS_SECONDS: bad } as Env).mailRetryDelaysSeconds).toHaveLength(7);
    }
  });
});
