/**
 * When a queue job that failed for a while (a send to MailChannels, a webhook delivery) is tried
 * again: the delays come from a configured list (MAIL_RETRY_DELAYS_SECONDS,
 * WEBHOOK_RETRY_DELAYS_SECONDS), handed to `message.retry({ delaySeconds })`.
 */

/**
 * The wait before the retry that follows attempt `attempts` (counting from 1). Past the end of
 * the list the last delay repeats, so a queue allowed more retries than listed keeps waiting long.
 *
 * @example
 * chooseRetryDelay([30, 60, 120], 1) // 30
 * chooseRetryDelay([30, 60, 120], 9) // 120
 */
export function chooseRetryDelay(delaysSeconds: readonly number[], attempts: number): number {
  const index = Math.min(Math.max(attempts, 1), delaysSeconds.length) - 1;
  return delaysSeconds[index] ?? 60;
}
