import { describe, expect, it } from "vitest";
import {
  classifyResponseStatus,
  computeBackoffDelay,
  computeWorstCaseMs,
  DEFAULT_RETRY_POLICY,
} from "../../../worker/src/mail/retry-policy.ts";

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

  it("doubles the wait with each attempt and keeps jitter within half of it", () => {
    const low = [1, 2, 3].map((attempt) => computeBackoffDelay(DEFAULT_RETRY_POLICY, attempt, () => 0));
    const high = [1, 2, 3].map((attempt) => computeBackoffDelay(DEFAULT_RETRY_POLICY, attempt, () => 1));
    expect(low).toEqual([125, 250, 500]);
    expect(high).toEqual([250, 500, 1000]);
  });

  it("fits every attempt and wait well inside the 30-second waitUntil budget", () => {
    expect(computeWorstCaseMs(DEFAULT_RETRY_POLICY)).toBeLessThanOrEqual(20_000);
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThanOrEqual(3);
  });
});
