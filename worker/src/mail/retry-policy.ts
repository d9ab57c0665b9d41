/**
 * Which failed sends are tried again, and when. MailChannels answers 202 when it accepts a
 * message; 429 and 5xx are temporary, as are network errors and timeouts; any other 4xx means
 * the request itself is wrong and repeating it cannot help.
 *
 * Retries happen on the mail queue, not inside one invocation: the consumer hands the job back
 * with `message.retry({ delaySeconds })`, the delays coming from MAIL_RETRY_DELAYS_SECONDS. The
 * production schedule (30 s doubling to 30 min, seven retries) spans 63.5 minutes, so an outage
 * of up to an hour still ends in a delivered email.
 */

/** How long one attempt may take before it counts as a (temporary) timeout. */
export const ATTEMPT_TIMEOUT_MS = 4_000;

export type ResponseClass = "accepted" | "retryable" | "permanent";

/** Classifies a MailChannels HTTP status. */
export function classifyResponseStatus(status: number): ResponseClass {
  if (status === 202 || status === 200) return "accepted";
  if (status === 429 || status >= 500) return "retryable";
  return "permanent";
}
