/**
 * The mail queue's consumer: the Worker's `queue()` handler. Every email ResetKit sends passes
 * through here, one job per message (mail-jobs.ts), one send attempt per delivery. What a job of
 * each kind does is up to its area; the table of handlers (job-handlers.ts) is handed in, so this
 * module knows no area and none imports it.
 *
 * Delivery is at least once, so every job is keyed by its id: the delivery record carries it,
 * and a redelivered job whose record already says "sent" or "failed" is acknowledged without a
 * second email. A temporary failure (429, 5xx, network error, timeout, or D1 itself failing)
 * hands the job back with `message.retry({ delaySeconds })`, waiting the next delay of
 * MAIL_RETRY_DELAYS_SECONDS; a permanent one is recorded "failed" and acknowledged at once.
 * When Queues gives up (max_retries in wrangler.toml) it moves the job to the dead-letter
 * queue, whose consumer is this same handler: it marks the delivery record "failed" with the
 * last error and acknowledges. A delivery that ends "failed" either way is reported as the
 * `mail.failed` webhook event before its job is acknowledged.
 *
 * @example
 * export default { queue: (batch, env) => consumeMailBatch(batch, env, MAIL_JOB_HANDLERS) } satisfies ExportedHandler<Env>;
 */
import { readConfig } from "../config.ts";
import { findDeliveryRecord, keepJobOfFailedDelivery, markDeliveryFailed } from "../mail/delivery-records.ts";
import { describeThrownFailure } from "../mail/failure-text.ts";
import { chooseRetryDelay } from "../platform/retry-schedule.ts";
import { recordSkippedRequest } from "../mail/skipped-requests.ts";
import { clock } from "../platform/clock.ts";
import { announceWebhookEvents, prepareMailFailedEvent } from "../webhooks/webhook-events.ts";
import { readMailJob, type MailJob, type MailJobContext, type MailJobHandler, type MailJobHandlers, type MailJobKind, type MailJobOutcome } from "./mail-jobs.ts";

/** The naming rule that tells the dead-letter queue apart, in production and in [env.dev]. */
const DEAD_LETTER_SUFFIX = "-dead-letter";

/** Handles one batch from the mail queue or its dead-letter queue. Messages are independent. */
export async function consumeMailBatch(batch: MessageBatch, env: Env, handlers: MailJobHandlers): Promise<void> {
  if (batch.queue.endsWith(DEAD_LETTER_SUFFIX)) {
    await Promise.all(batch.messages.map((message) => settleDeadLetter(env, message)));
    return;
  }
  await Promise.all(batch.messages.map((message) => processMailMessage(env, message, handlers)));
}

async function processMailMessage(env: Env, message: Message, handlers: MailJobHandlers): Promise<void> {
  const job = readMailJob(message.body);
  if (!job) {
    console.error(`mail queue: message ${message.id} is not a mail job; dropped`);
    message.ack();
    return;
  }
  let outcome: MailJobOutcome;
  try {
    outcome = await runMailJob(env, job, message.attempts, handlers);
  } catch (error) {
    console.error(`mail ${job.id} (${job.kind}) attempt ${message.attempts} failed before sending: ${describeThrownFailure(error)}`);
    outcome = { status: "retry", error: "internal error" };
  }
  if (outcome.status === "retry") {
    message.retry({ delaySeconds: chooseRetryDelay(readConfig(env).mailRetryDelaysSeconds, message.attempts) });
    return;
  }
  if (outcome.status !== "sent" && !(await reportIfFailed(env, job))) {
    message.retry();
    return;
  }
  message.ack();
}

/**
 * When the job's delivery record says "failed": keeps the job on it (for the operator API's
 * retry) and stores and queues the `mail.failed` event. False when that could not be done: the
 * job is kept on the queue, and its redelivery does it.
 */
async function reportIfFailed(env: Env, job: MailJob): Promise<boolean> {
  try {
    await keepJobOfFailedDelivery(env, job.id, JSON.stringify(job));
    const event = prepareMailFailedEvent(env, job.id, clock.now());
    if (!event) return true;
    const { meta } = await event.statement.run();
    if (meta.changes === 1) await announceWebhookEvents(env, [event]);
    return true;
  } catch (error) {
    console.error(`mail ${job.id}: its failure could not be recorded: ${describeThrownFailure(error)}`);
    return false;
  }
}

/**
 * One attempt at a job. A job whose email already went out (or failed for good) is done, which
 * is what makes a redelivery harmless.
 */
async function runMailJob(env: Env, job: MailJob, attempts: number, handlers: MailJobHandlers): Promise<MailJobOutcome> {
  const record = await findDeliveryRecord(env, job.id);
  if (record?.status === "sent") return { status: "sent" };
  if (record?.status === "failed") return { status: "failed", error: record.lastError ?? "failed" };
  const outcome = await runHandler(handlers, env, job, { attempts, resumed: record !== null });
  // An earlier attempt got as far as a record, and now there is nothing to send (the account is gone).
  if (outcome.status === "skipped" && record) await markDeliveryFailed(env, job.id, `not sent: ${outcome.reason}`, clock.now());
  if (outcome.status === "skipped" && outcome.to !== null && readConfig(env).environment === "development") {
    await recordSkippedRequest(env, { id: job.id, to: outcome.to, reason: outcome.reason, createdAt: clock.now() });
  }
  return outcome;
}

async function settleDeadLetter(env: Env, message: Message): Promise<void> {
  const job = readMailJob(message.body);
  if (job) {
    try {
      await recordGivingUp(env, job);
      if (!(await reportIfFailed(env, job))) throw new Error("mail.failed not stored");
    } catch (error) {
      console.error(`mail ${job.id}: the dead letter could not be recorded: ${describeThrownFailure(error)}`);
      message.retry();
      return;
    }
  }
  message.ack();
}

/** Marks the job's delivery record failed for good, keeping the last error as the reason. */
async function recordGivingUp(env: Env, job: MailJob): Promise<void> {
  const record = await findDeliveryRecord(env, job.id);
  const reason = `gave up after ${record?.attempts ?? 0} attempt(s): ${record?.lastError ?? "no attempt reached the mail provider"}`;
  console.error(`mail ${job.id} (${job.kind}) moved to the dead-letter queue; ${reason}`);
  if (record) await markDeliveryFailed(env, job.id, reason, clock.now());
}

/** Runs the handler for `job`'s kind. */
function runHandler<Kind extends MailJobKind>(
  handlers: MailJobHandlers,
  env: Env,
  job: Extract<MailJob, { kind: Kind }>,
  context: MailJobContext,
): Promise<MailJobOutcome> {
  const handler = handlers[job.kind as Kind] as MailJobHandler<Kind>;
  return handler(env, job, context);
}
