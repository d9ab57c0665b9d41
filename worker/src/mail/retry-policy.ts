/**
 * When a failed send is tried again, and how long to wait. MailChannels answers 202 when it
 * accepts a message; 429 and 5xx are temporary, as are network errors and timeouts; any other
 * 4xx means the request itself is wrong and repeating it cannot help.
 *
 * The whole budget (every attempt timing out, plus the longest backoffs) stays under 20 seconds,
 * well inside the 30 seconds a Worker keeps running after its response for `ctx.waitUntil`.
 */

export interface RetryPolicy {
  maxAttempts: number;
  attemptTimeoutMs: number;
  baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  attemptTimeoutMs: 4_000,
  baseDelayMs: 250,
};

export type ResponseClass = "accepted" | "retryable" | "permanent";

/** Classifies a MailChannels HTTP status. */
export function classifyResponseStatus(status: number): ResponseClass {
  if (status === 202 || status === 200) return "accepted";
  if (status === 429 || status >= 500) return "retryable";
  return "permanent";
}

/**
 * The wait before attempt `attempt + 1` (attempts count from 1): exponential growth with
 * "equal jitter", so delays stay spread out but never collapse to zero.
 *
 * @example
 * computeBackoffDelay(DEFAULT_RETRY_POLICY, 1, Math.random) // between 125 and 250 ms
 */
export function computeBackoffDelay(policy: RetryPolicy, attempt: number, randomUnit: () => number): number {
  const ceiling = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * randomUnit());
}

/** The longest a send can take under `policy`: every attempt times out and every wait is maximal. */
export function computeWorstCaseMs(policy: RetryPolicy): number {
  let total = policy.maxAttempts * policy.attemptTimeoutMs;
  for (let attempt = 1; attempt < policy.maxAttempts; attempt += 1) total += policy.baseDelayMs * 2 ** (attempt - 1);
  return total;
}
