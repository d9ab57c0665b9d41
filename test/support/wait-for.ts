/**
 * Polls for a final state instead of sleeping a fixed time: a fixed sleep is either too short
 * on a busy machine (a flaky test) or too long everywhere else (a slow one).
 *
 * @example
 * const token = await waitFor(async () => (await readMailbox(worker.url, email))[0]?.text, { timeoutMs: 10_000 });
 */

export interface WaitForOptions {
  /** Give up after this long; the error names `description`. */
  timeoutMs?: number;
  /** Time between two checks. */
  intervalMs?: number;
  /** What is awaited, for the timeout message. */
  description?: string;
}

/** Resolves with the first truthy value `condition` returns; rejects once `timeoutMs` has passed. */
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitForOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 10_000, intervalMs = 50, description = "the condition" } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
